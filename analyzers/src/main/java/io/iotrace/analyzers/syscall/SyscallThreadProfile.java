package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.model.LoopRules;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadProfile;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * A thread's syscalls in the words of {@link ThreadProfile}, so that they go through the same detectors as a
 * recording. A syscall log does not show a descriptor's mode: {@link DescriptorModes} infers it from what each
 * descriptor said. It tells connections apart by descriptor ({@link SyscallConnections}); it shows no selector
 * objects, only epoll descriptors.
 */
final class SyscallThreadProfile implements ThreadProfile {
    private final ThreadActivity t;
    private final ThreadInfo thread;
    private final BitSet nonBlocking;
    private final SyscallConnections.OfThread connections;

    /**
     * @param nonBlocking the descriptors of the thread's process in non-blocking mode
     * @param connections the connections it accepted, opened and used
     */
    SyscallThreadProfile(ThreadActivity t, BitSet nonBlocking, SyscallConnections.OfThread connections) {
        this(t, nonBlocking, connections, "tid " + t.tid);
    }

    /**
     * @param name what the report calls it: a syscall log shows no thread names, so its id, or for threads added
     *             up as they exited, how many they were
     */
    SyscallThreadProfile(ThreadActivity t, BitSet nonBlocking, SyscallConnections.OfThread connections,
                         String name) {
        this.t = t;
        this.nonBlocking = nonBlocking;
        this.connections = connections;
        this.thread = new ThreadInfo(t.tid, 0, t.tid, name, false);
    }

    ThreadActivity activity() {
        return t;
    }

    @Override
    public ThreadInfo thread() {
        return thread;
    }

    /** A thread that waits for readiness like a loop uses its descriptors in non-blocking mode, whatever they said. */
    private boolean loop() {
        return LoopRules.waitsLikeALoop(t.readinessWaitCount());
    }

    private long nanosOf(SyscallCategory... categories) {
        long nanos = 0;
        for (SyscallStats stats : t.calls.values()) {
            for (SyscallCategory category : categories) {
                if (stats.category == category) {
                    nanos += stats.totalNanos;
                }
            }
        }
        return nanos;
    }

    @Override
    public long readinessWaits() {
        return t.readinessWaitCount();
    }

    @Override
    public long readinessWaitNanos() {
        return nanosOf(SyscallCategory.SELECT, SyscallCategory.POLL, SyscallCategory.EPOLL_WAIT);
    }

    @Override
    public Map<String, Long> readinessWaitCalls() {
        return t.readinessWaits;
    }

    @Override
    public long readyResults() {
        return t.readyDescriptors;
    }

    /** The mechanism of the readiness-wait call it made most. */
    @Override
    public Mechanism readinessMechanism() {
        return t.readinessWaits.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(most -> switch (SyscallCategory.of(most.getKey())) {
                    case SELECT -> Mechanism.SELECT;
                    case POLL -> Mechanism.POLL;
                    default -> Mechanism.EPOLL;
                }).orElse(null);
    }

    /** Below a syscall there is only the kernel. */
    @Override
    public String readinessUnderneath() {
        return null;
    }

    @Override
    public Set<Integer> waitTargets() {
        return t.epollDescriptors;
    }

    /** How many descriptors an epoll set watches is not in the log. */
    @Override
    public boolean waitsOnlyForOneChannel() {
        return false;
    }

    @Override
    public long blockingNetworkCalls() {
        return t.descriptors.calls() - nonBlockingNetworkCalls();
    }

    @Override
    public long blockingReads() {
        return loop() ? 0 : t.descriptors.blockingReads(nonBlocking);
    }

    @Override
    public long blockingInboundNanos() {
        return loop() ? 0 : t.descriptors.blockingInboundNanos(nonBlocking);
    }

    @Override
    public long nonBlockingNetworkCalls() {
        return loop() ? t.descriptors.calls() : t.descriptors.nonBlockingCalls(nonBlocking);
    }

    @Override
    public long foundNothing() {
        return t.eagainResults;
    }

    /** An EAGAIN returns at once: its time is not worth telling apart. */
    @Override
    public long foundNothingNanos() {
        return 0;
    }

    @Override
    public long retries() {
        return t.eagainRetries;
    }

    @Override
    public long readinessChecks() {
        return 0;
    }

    @Override
    public long timedReads() {
        return t.timedBlockingWaits;
    }

    @Override
    public boolean switchedFromBlocking() {
        return false;
    }

    @Override
    public boolean switchedToBlocking() {
        return false;
    }

    @Override
    public long accepts() {
        return t.successfulAccepts;
    }

    @Override
    public long socketDataCalls() {
        return t.socketDataCalls;
    }

    @Override
    public long datagramCalls() {
        return 0;
    }

    @Override
    public Set<Integer> accepted() {
        return connections.accepted();
    }

    @Override
    public Set<Integer> connectionsTouched() {
        return connections.touched();
    }

    /** The connections it used on descriptors of the process in non-blocking mode. */
    @Override
    public Set<Integer> nonBlockingConnections() {
        return connections.nonBlocking();
    }

    @Override
    public Set<Integer> connectionsOpened() {
        return connections.opened();
    }

    /** io_uring rings and Linux AIO contexts; strace sees only the syscalls, perf's tracepoints the operations too. */
    @Override
    public AsyncUse asyncUse() {
        long enters = t.calls("io_uring_enter");
        long submitted = t.calls("io_uring_submit_req");
        long uring = enters + submitted;
        long aio = t.calls("io_submit");
        if (uring == 0 && aio == 0) {
            return null;
        }
        if (uring >= aio) {
            // Without the tracepoints, each io_uring_enter is taken to reap what it submitted, as a ring's owner does.
            long completed = submitted > 0 ? t.calls("io_uring_complete") : enters;
            String operations = submitted > 0
                    ? submitted + " operations submitted and " + completed + " completed (io_uring tracepoints)"
                    : enters + " io_uring_enter calls submit and reap operations the log cannot see";
            // A ring recorded by both the syscall and the tracepoint shows twice.
            long rings = Math.max(t.calls("io_uring_setup"), t.calls("io_uring_create"));
            return new AsyncUse(uring, completed, submitted > 0 ? submitted : enters, Mechanism.IO_URING, null,
                    operations + "; " + rings + " rings set up");
        }
        long reaped = t.calls("io_getevents") + t.calls("io_pgetevents");
        return new AsyncUse(aio, reaped, aio, Mechanism.LINUX_AIO, null, aio + " io_submit, " + reaped + " io_getevents");
    }

    @Override
    public long ioSignals() {
        long signals = 0;
        for (long n : t.ioSignals.values()) {
            signals += n;
        }
        return signals;
    }

    @Override
    public long signalWaits() {
        return t.signalWaits;
    }

    @Override
    public long fileCalls() {
        return t.fileDataCalls;
    }

    @Override
    public long standardInputCalls() {
        return 0;
    }

    @Override
    public long consoleOutputCalls() {
        return 0;
    }

    @Override
    public long housekeepingCalls() {
        return 0;
    }
}
