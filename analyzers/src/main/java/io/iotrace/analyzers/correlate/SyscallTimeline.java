package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.event.SyscallClock;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEventSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syscalls of the threads of interest in a log, with their entry stamps on the clock the log gives; the
 * syscalls of other threads are only counted, so that memory grows with the recorded threads' syscalls alone. A call
 * split by another thread's output counts once, at its {@code <unfinished ...>} half, which carries the entry time.
 * Stamps are kept on one clock, the first that can be aligned with a recording ({@link ClockAlignment}); stamps
 * of another (an strace and a perf log given together) are counted and left out.
 */
public final class SyscallTimeline implements SyscallEventSink {
    private final Set<Integer> tids;
    private final Map<Integer, ThreadSyscalls> threads = new HashMap<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final long[] callsByClock = new long[SyscallClock.values().length];
    private SyscallClock clock;
    private long otherClock;
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
        SyscallClock stamped = SyscallClock.of(event);
        callsByClock[stamped.ordinal()]++;
        if (!ClockAlignment.possible(stamped)) {
            return;
        }
        if (clock == null) {
            clock = stamped;
        } else if (stamped != clock) {
            otherClock++;
            return;
        }
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
        if (clock != null) {
            return null;
        }
        if (calls(SyscallClock.PERF_OTHER) > 0) {
            return "its header shows perf record ran without -k CLOCK_MONOTONIC: its times are perf's own clock,"
                    + " which the JVM cannot read; record with perf record -k CLOCK_MONOTONIC";
        }
        if (calls(SyscallClock.SINCE_TRACER_START) > 0) {
            return "its times count from the tracer's start (perf trace), not from the epoch: use strace -ttt, or"
                    + " perf record -k CLOCK_MONOTONIC and perf script";
        }
        if (calls(SyscallClock.TIME_OF_DAY) > 0) {
            return "its times are times of day (-t/-tt), which cannot be placed on the recording's clock:"
                    + " record with strace -ttt";
        }
        return calls(SyscallClock.NONE) > 0 ? "it has no timestamps: record with strace -ttt"
                : "it holds no syscalls";
    }

    private long calls(SyscallClock stamped) {
        return callsByClock[stamped.ordinal()];
    }

    /** The clock of the kept stamps, or null when none could be kept. */
    SyscallClock clock() {
        return clock;
    }

    /** Timed syscalls left out because they were on another clock than the kept ones. */
    long otherClock() {
        return otherClock;
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

    /**
     * One thread's syscalls in the order they started: strace writes each thread's calls so (also with -z/-Z), and
     * the perf script reader hands on an io_uring tracepoint after the call it fired in.
     */
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
