package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.syscall.SyscallEvent;
import io.iotrace.analyzers.syscall.SyscallEventSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syscalls of the threads of interest in a log, with their entry times in epoch ns; the syscalls of other
 * threads are only counted, so that memory grows with the recorded threads' syscalls alone. A call split by another
 * thread's output counts once, at its {@code <unfinished ...>} half, which carries the entry time.
 */
public final class SyscallTimeline implements SyscallEventSink {
    /** Before 2001-09-09 in epoch ns: a time this small counts from the tracer's start (perf trace), not the epoch. */
    private static final long SMALLEST_EPOCH_NANOS = 1_000_000_000L * 1_000_000_000L;

    private final Set<Integer> tids;
    private final Map<Integer, ThreadSyscalls> threads = new HashMap<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long untimed;
    private long timeOfDay;
    private long timed;
    private long relative;
    private long otherThreads;

    /** @param tids the threads whose syscalls are kept: the OS threads of the recordings */
    public SyscallTimeline(Set<Integer> tids) {
        this.tids = Set.copyOf(tids);
    }

    @Override
    public void accept(SyscallEvent event) {
        if (event.kind() != SyscallEvent.Kind.CALL && event.kind() != SyscallEvent.Kind.UNFINISHED) {
            return;
        }
        if (event.startNanos() == SyscallEvent.NO_TIME) {
            untimed++;
            return;
        }
        if (event.has(SyscallEvent.FLAG_TIME_OF_DAY)) {
            timeOfDay++;
            return;
        }
        if (event.startNanos() < SMALLEST_EPOCH_NANOS) {
            relative++;
            return;
        }
        timed++;
        if (!tids.contains(event.tid())) {
            otherThreads++;
            return;
        }
        Integer name = nameIndex.get(event.name());
        if (name == null) {
            name = names.size();
            names.add(event.name());
            nameIndex.put(event.name(), name);
        }
        threads.computeIfAbsent(event.tid(), tid -> new ThreadSyscalls()).add(event.startNanos(), name);
    }

    /** Why the log cannot be aligned with a recording, or null when it can. */
    String unalignable() {
        if (timed > 0) {
            return null;
        }
        if (relative > 0) {
            return "its times count from the tracer's start (perf trace), not from the epoch: use strace -ttt";
        }
        if (timeOfDay > 0) {
            return "its times are times of day (-t/-tt), which cannot be placed on the recording's clock:"
                    + " record with strace -ttt";
        }
        return untimed > 0 ? "it has no timestamps: record with strace -ttt" : "it holds no syscalls";
    }

    /** Timed syscalls of threads outside {@code tids}. */
    long otherThreads() {
        return otherThreads;
    }

    Map<Integer, ThreadSyscalls> threads() {
        return threads;
    }

    String name(int index) {
        return names.get(index);
    }

    /** One thread's syscalls in log order, which strace keeps per thread (also with -z/-Z). */
    static final class ThreadSyscalls {
        long[] starts = new long[64];
        int[] names = new int[64];
        int size;

        void add(long start, int name) {
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                names = java.util.Arrays.copyOf(names, size * 2);
            }
            starts[size] = start;
            names[size] = name;
            size++;
        }
    }
}
