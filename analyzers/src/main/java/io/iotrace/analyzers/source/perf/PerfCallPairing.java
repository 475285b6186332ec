package io.iotrace.analyzers.source.perf;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.LinuxTables;
import io.iotrace.analyzers.event.PartitionedSyscallSink;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import io.iotrace.analyzers.event.SyscallEventBatch;
import io.iotrace.analyzers.event.SyscallEventSink;
import io.iotrace.analyzers.event.ThreadTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins each thread's enter and exit of a {@code perf script} log ({@link PerfScriptLineParser}) into one call and
 * hands the calls on to the aggregator: a stage between the parse and the partitions' adding up, on the same
 * worker, since a thread's halves are all in one partition and come in log order (perf script sorts events by
 * time). A thread has at most one call open, so memory grows with the threads, not the file (a perf recording's
 * threads are never folded: perf shows a thread's exit as a call that never returns).
 *
 * <p>A call whose enter came before the recording started has no start and no duration; one whose exit never came
 * ({@code exit_group}, a lost event, the end of the recording) has no result. io_uring's tracepoints fire inside
 * the {@code io_uring_enter} that submits and reaps, which perf shows only at its exit: they are handed on after
 * that call, so that each thread's events are in the order they started.
 */
public final class PerfCallPairing {
    private final PartitionedSyscallSink aggregator;
    private final SyscallEventSink afterTheLog;
    private final SyscallEventSink alsoTo;
    private final Partition[] partitions;

    /**
     * @param aggregator  where the joined calls go, partition by partition
     * @param afterTheLog where the calls still open when the log ends go, from {@link #finish}: the aggregator
     * @param alsoTo      gets every call as well, each thread's in order, or null
     */
    public PerfCallPairing(PartitionedSyscallSink aggregator, SyscallEventSink afterTheLog, SyscallEventSink alsoTo) {
        this.aggregator = aggregator;
        this.afterTheLog = afterTheLog;
        this.alsoTo = alsoTo;
        this.partitions = new Partition[aggregator.partitions()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Partition();
        }
    }

    /** Joins one partition's halves of a chunk and feeds the calls on: a {@code ChunkedLogReader.PartitionFeed}. */
    public void accept(int partition, SyscallEventBatch halves, long firstOrdinal) {
        Partition target = partitions[partition];
        target.joined.clear();
        for (int k = halves.partitionStart(partition), end = halves.partitionEnd(partition); k < end; k++) {
            int i = halves.partitionOrder(k);
            target.accept(halves, i, firstOrdinal + i);
        }
        target.handOn(partition);
    }

    /** The log is read: the calls still open end without a result. Call when no partition is being fed. */
    public void finish() {
        for (Partition partition : partitions) {
            partition.threads.forEach(thread -> {
                if (thread.open) {
                    thread.open = false;
                    afterTheLog(thread.neverReturned());
                    thread.takeInside().forEach(this::afterTheLog);
                }
            });
        }
    }

    private void afterTheLog(SyscallEvent event) {
        afterTheLog.accept(event);
        if (alsoTo != null) {
            alsoTo.accept(event);
        }
    }

    /**
     * One thread's open call, if any, and the io_uring tracepoints fired inside it: kept for the thread's life
     * and filled again at each enter (a record per call, and a boxed key per lookup, were most of what pairing
     * allocated).
     */
    private static final class ThreadCalls {
        final int tid;
        boolean open;
        String name;
        long start;
        int fd;
        long argument;
        /** The first argument: an exit_group's status. */
        long first;
        int flags;
        List<SyscallEvent> inside;

        ThreadCalls(int tid) {
            this.tid = tid;
        }

        SyscallEvent neverReturned() {
            return new SyscallEvent(tid, start, SyscallEvent.NO_TIME, Kind.CALL, name, fd, FdKind.UNKNOWN, 0, null,
                    FdKind.UNKNOWN, argument, null, flags | SyscallEvent.FLAG_NO_RESULT);
        }

        List<SyscallEvent> takeInside() {
            List<SyscallEvent> taken = inside == null ? List.of() : inside;
            inside = null;
            return taken;
        }
    }

    /**
     * The threads of one partition and the calls joined from the chunk being read. Every call handed on while a half is read takes that half's place in the log (its ordinal).
     */
    private final class Partition {
        final ThreadTable<ThreadCalls> threads = new ThreadTable<>();
        final SyscallEventBatch joined = new SyscallEventBatch(1024);
        long[] ordinals = new long[1024];
        /** The ordinal of the half being read. */
        long ordinal;

        void accept(SyscallEventBatch halves, int i, long ordinal) {
            this.ordinal = ordinal;
            ThreadCalls thread = thread(halves.tid(i));
            switch (halves.kind(i)) {
                case UNFINISHED -> enter(thread, halves, i);
                case RESUMED -> exit(thread, halves.name(i), halves.startNanos(i), halves.result(i), halves.flags(i));
                default -> tracepoint(thread, halves.event(i));
            }
        }

        private void enter(ThreadCalls thread, SyscallEventBatch halves, int i) {
            if (thread.open) {
                close(thread, SyscallEvent.NO_TIME, 0, true);
            }
            thread.open = true;
            thread.name = halves.name(i);
            thread.start = halves.startNanos(i);
            thread.fd = halves.fd(i);
            thread.argument = halves.argument(i);
            thread.first = halves.result(i);
            thread.flags = halves.flags(i);
            if (thread.name.equals("exit_group")) {
                close(thread, SyscallEvent.NO_TIME, 0, true);
                add(new SyscallEvent(thread.tid, thread.start, SyscallEvent.NO_TIME, Kind.EXIT, thread.name, -1,
                        FdKind.UNKNOWN, (int) thread.first, null, FdKind.UNKNOWN, 0, null, thread.flags));
            }
        }

        private void exit(ThreadCalls thread, String name, long time, long result, int clock) {
            if (thread.open && thread.name.equals(name)) {
                close(thread, time - thread.start, result, false);
                return;
            }
            if (SyscallCategory.of(name) == SyscallCategory.SPAWN && result == 0) {
                return; // the new task's side of fork or clone: strace shows only the parent's call
            }
            addCall(thread.tid, name, SyscallEvent.NO_TIME, SyscallEvent.NO_TIME, -1, 0, clock, result);
        }

        /** A tracepoint inside an open call waits for that call; any other is handed on now. */
        private void tracepoint(ThreadCalls thread, SyscallEvent event) {
            if (thread.open) {
                if (thread.inside == null) {
                    thread.inside = new ArrayList<>();
                }
                thread.inside.add(event);
            } else {
                add(event);
            }
        }

        /** Hands on the open call, returned or not, then the tracepoints that fired inside it. */
        private void close(ThreadCalls thread, long duration, long result, boolean neverReturned) {
            thread.open = false;
            if (neverReturned) {
                add(thread.neverReturned());
            } else {
                addCall(thread.tid, thread.name, thread.start, duration, thread.fd, thread.argument, thread.flags,
                        result);
            }
            thread.takeInside().forEach(this::add);
        }

        /** A call that returned: the kernel returns errors as -1 .. -4095. */
        private void addCall(int tid, String name, long start, long duration, int fd, long argument, int flags,
                             long result) {
            boolean failed = result < 0 && result >= -PerfScriptLineParser.MAX_ERRNO;
            room();
            joined.add(tid, start, duration, Kind.CALL, name, fd, FdKind.UNKNOWN, failed ? -1 : result,
                    failed ? LinuxTables.errnoName(-result) : null, FdKind.UNKNOWN, argument, null, flags);
        }

        private void add(SyscallEvent event) {
            room();
            joined.add(event.tid(), event.startNanos(), event.durationNanos(), event.kind(), event.name(),
                    event.fd(), event.fdKind(), event.result(), event.errno(), event.resultFdKind(), event.argument(),
                    event.text(), event.flags());
        }

        /** Records the ordinal of the event about to be added. */
        private void room() {
            int i = joined.size();
            if (i == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, i * 2);
            }
            ordinals[i] = ordinal;
        }

        void handOn(int partition) {
            if (joined.size() == 0) {
                return;
            }
            aggregator.acceptInOrder(partition, joined, ordinals);
            if (alsoTo != null) {
                synchronized (alsoTo) {
                    for (int i = 0; i < joined.size(); i++) {
                        alsoTo.accept(joined.event(i));
                    }
                }
            }
        }

        private ThreadCalls thread(int tid) {
            ThreadCalls thread = threads.get(tid);
            if (thread == null) {
                thread = new ThreadCalls(tid);
                threads.put(tid, thread);
            }
            return thread;
        }
    }
}
