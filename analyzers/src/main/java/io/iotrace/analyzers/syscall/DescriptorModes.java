package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.model.LoopRules;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One thread's network calls by descriptor, and what each descriptor said of its mode. A syscall log does not print
 * a descriptor's mode, but a descriptor that said EAGAIN, or that a loop waits for, is in non-blocking mode, in
 * whichever thread of the process
 * it said so (descriptors belong to the process: a pool hands them between threads), and every call on it is a
 * non-blocking call; unless a thread then waited on that one descriptor, the way the JDK reads a socket with a
 * timeout, which is a blocking read. Arrays indexed by descriptor number: a lookup per call, no boxing.
 */
final class DescriptorModes {
    private long[] calls = new long[16];
    private long[] reads = new long[16];
    private long[] inboundNanos = new long[16];
    private final BitSet wouldBlock = new BitSet();
    private final BitSet timed = new BitSet();
    /** Descriptors data moved on (reads, writes): a loop's are the ones it watches; a connect or accept says less. */
    private final BitSet moved = new BitSet();

    /** Counts a call of a syscall on a descriptor, if it is a network call: on a socket, pipe or terminal. */
    void count(int fd, FdKind kind, SyscallCategory category, long durationNanos) {
        boolean data = category == SyscallCategory.READ || category == SyscallCategory.WRITE
                || category == SyscallCategory.ZERO_COPY;
        // A counter (eventfd, timerfd) is a wake-up, not I/O: a selector's wakeup writes 8 bytes to one.
        boolean network = data && kind.carriesStreams() && kind != FdKind.FILE
                || category == SyscallCategory.ACCEPT || category == SyscallCategory.CONNECT;
        if (!network || fd < 0) {
            return;
        }
        if (fd >= calls.length) {
            int size = Math.max(fd + 1, calls.length * 2);
            calls = Arrays.copyOf(calls, size);
            reads = Arrays.copyOf(reads, size);
            inboundNanos = Arrays.copyOf(inboundNanos, size);
        }
        calls[fd]++;
        if (data) {
            moved.set(fd);
        }
        if (category == SyscallCategory.READ) {
            reads[fd]++;
        }
        if ((category == SyscallCategory.READ || category == SyscallCategory.ACCEPT) && durationNanos > 0) {
            inboundNanos[fd] += durationNanos;
        }
    }

    void saidWouldBlock(int fd) {
        if (fd >= 0) {
            wouldBlock.set(fd);
        }
    }

    void waitedWithTimeout(int fd) {
        if (fd >= 0) {
            timed.set(fd);
        }
    }

    /** Adds the descriptors that said EAGAIN here to {@code wouldBlock}, and those read with a timeout to {@code timed}. */
    void addModesTo(BitSet wouldBlock, BitSet timed) {
        wouldBlock.or(this.wouldBlock);
        timed.or(this.timed);
    }

    /**
     * The descriptors in non-blocking mode of a process of these threads: those that said EAGAIN, and those a thread
     * that waits for readiness like a loop reads or writes (the ones its epoll set or poll array watches), less those
     * read with a timeout.
     */
    static BitSet nonBlockingIn(List<ThreadActivity> process) {
        BitSet nonBlocking = new BitSet();
        BitSet timed = new BitSet();
        for (ThreadActivity t : process) {
            t.descriptors.addModesTo(nonBlocking, timed);
            if (LoopRules.waitsLikeALoop(t.readinessWaitCount())) {
                t.descriptors.addUsedTo(nonBlocking);
            }
        }
        nonBlocking.andNot(timed);
        return nonBlocking;
    }

    private void addUsedTo(BitSet descriptors) {
        descriptors.or(moved);
    }

    /** Adds another thread's figures, for a group of folded threads. */
    void addAll(DescriptorModes other) {
        if (other.calls.length > calls.length) {
            calls = Arrays.copyOf(calls, other.calls.length);
            reads = Arrays.copyOf(reads, other.calls.length);
            inboundNanos = Arrays.copyOf(inboundNanos, other.calls.length);
        }
        for (int fd = 0; fd < other.calls.length; fd++) {
            calls[fd] += other.calls[fd];
            reads[fd] += other.reads[fd];
            inboundNanos[fd] += other.inboundNanos[fd];
        }
        wouldBlock.or(other.wouldBlock);
        timed.or(other.timed);
        moved.or(other.moved);
    }

    /** Network calls on every descriptor. */
    long calls() {
        long n = 0;
        for (long onDescriptor : calls) {
            n += onDescriptor;
        }
        return n;
    }

    /** Network calls on the given descriptors, those of the process in non-blocking mode. */
    long nonBlockingCalls(BitSet nonBlocking) {
        long n = 0;
        for (int fd = 0; fd < calls.length; fd++) {
            if (nonBlocking.get(fd)) {
                n += calls[fd];
            }
        }
        return n;
    }

    /** Reads on descriptors in blocking mode (timed reads included). */
    long blockingReads(BitSet nonBlocking) {
        long n = 0;
        for (int fd = 0; fd < reads.length; fd++) {
            if (!nonBlocking.get(fd)) {
                n += reads[fd];
            }
        }
        return n;
    }

    /** Time in reads and accepts on descriptors in blocking mode. */
    long blockingInboundNanos(BitSet nonBlocking) {
        long n = 0;
        for (int fd = 0; fd < inboundNanos.length; fd++) {
            if (!nonBlocking.get(fd)) {
                n += inboundNanos[fd];
            }
        }
        return n;
    }
}
