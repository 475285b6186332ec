package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.correlate.JavaCallTimeline.CallKind;
import io.iotrace.analyzers.correlate.JavaCallTimeline.ThreadCalls;
import io.iotrace.analyzers.correlate.SyscallTimeline.ThreadSyscalls;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.SyscallCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches each Java call of a recording with the syscalls its OS thread made inside the call's time window.
 *
 * <p>Clocks: the agent times calls with {@code System.nanoTime()} (CLOCK_MONOTONIC); strace {@code -ttt} stamps a
 * syscall's entry with CLOCK_REALTIME, perf with the clock perf record was given. {@link ClockAlignment} places
 * each stamp on the recording's clock. A syscall made by a Java call is entered after the call's start and returns
 * before its end, so its stamp lies inside the call's window, give or take the µs the stamp is cut to and, for
 * strace, the instant between the two reads of the recording's (epoch, nanoTime) pair: {@link #SLACK_NANOS} allows
 * for that, and a stamp within the slack of two calls goes to the nearer one.
 */
public final class Correlator {
    static final long SLACK_NANOS = 10_000;
    private static final String NONE = "none";
    /** Almost every I/O call makes a syscall; when most matched none, the clocks were not aligned. */
    private static final int MIN_CALLS_FOR_CLOCK_CHECK = 10;
    /**
     * The JVM's own housekeeping, which can fall inside any call (a lock, a buffer cache, a safepoint): counted
     * with the call's syscalls but left out of what the call itself asked the kernel for.
     */
    private static final Set<String> JVM_OWN = Set.of("futex", "sched_yield", "madvise", "mprotect");
    /**
     * The memory allocator's, which can fall inside a call too (a heap buffer's read first takes a temporary
     * direct buffer, whose malloc may map more memory); only {@code FileChannel.map} asks for a mapping itself.
     */
    private static final Set<String> ALLOCATOR_OWN = Set.of("mmap", "munmap", "mremap", "brk");
    /** What {@link #assign} gives a syscall of no call. */
    private static final int OUTSIDE_CALLS = -1;
    /**
     * What it gives a syscall of no call that strace logged outside its window: it follows the threads one by one
     * before it says it holds them all, and logs on until it acts on the signal to let go, while the calls of those
     * moments are left out of the timeline; such a syscall was made by a call, just not one that is matched.
     */
    private static final int OUTSIDE_WINDOW = -2;

    private Correlator() {
    }

    /** @param slowdown what strace cost the target, found by whoever ran it; the log alone cannot tell */
    public static CorrelationReport correlate(JavaCallTimeline java, SyscallTimeline syscalls,
                                              StraceSlowdown slowdown) {
        List<String> warnings = new ArrayList<>();
        String unalignable = syscalls.unalignable();
        if (unalignable != null) {
            warnings.add("the syscall log cannot be matched with the recording: " + unalignable);
        }
        if (syscalls.otherClock() > 0) {
            warnings.add(syscalls.otherClock() + " syscalls were stamped with another clock than the first log's"
                    + " and were not matched: give the logs of one tracer at a time");
        }
        ClockAlignment alignment = syscalls.clock() != null ? new ClockAlignment(syscalls.clock(), java.info()) : null;
        List<CallKind> kinds = java.kinds();
        List<Map<String, Long>> syscallsByKind = new ArrayList<>();
        List<Map<String, Long>> patternsByKind = new ArrayList<>();
        long[] callsByKind = new long[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            syscallsByKind.add(new TreeMap<>());
            patternsByKind.add(new TreeMap<>());
        }
        List<ThreadOutsideCalls> outside = new ArrayList<>();
        long javaCalls = 0;
        long syscallsOutsideWindow = 0;
        long callsOnTracedThreads = 0;
        long emptyCallsOnTracedThreads = 0;
        for (ThreadCalls calls : java.threads().values()) {
            calls.sorted();
            ThreadSyscalls made = syscalls.threads().get(calls.tid);
            int[] callOf = made == null ? new int[0] : assign(calls, made, alignment, java.window());
            Map<String, Long> io = new TreeMap<>();
            Map<String, Long> other = new TreeMap<>();
            int k = 0;
            for (int call = 0; call < calls.size; call++) {
                int kind = calls.kinds[call];
                boolean clipped = kind == JavaCallTimeline.CLIPPED;
                Map<String, Integer> inside = new TreeMap<>();
                for (; k < callOf.length && (callOf[k] < 0 || callOf[k] <= call); k++) {
                    if (callOf[k] == OUTSIDE_WINDOW) {
                        syscallsOutsideWindow++;
                        continue;
                    }
                    String name = syscalls.name(made.names[k]);
                    if (callOf[k] == OUTSIDE_CALLS) {
                        (isIo(name) ? io : other).merge(name, 1L, Long::sum);
                    } else if (!clipped) {
                        if (!isHousekeeping(name, kinds.get(kind).operation())) {
                            inside.merge(name, 1, Integer::sum);
                        }
                        syscallsByKind.get(kind).merge(name, 1L, Long::sum);
                    }
                }
                if (clipped) {
                    continue;
                }
                javaCalls++;
                callsByKind[kind]++;
                patternsByKind.get(kind).merge(pattern(inside), 1L, Long::sum);
                if (made != null) {
                    callsOnTracedThreads++;
                    emptyCallsOnTracedThreads += inside.isEmpty() ? 1 : 0;
                }
            }
            for (; k < callOf.length; k++) {
                syscallsOutsideWindow += callOf[k] == OUTSIDE_WINDOW ? 1 : 0;
                if (callOf[k] == OUTSIDE_CALLS) {
                    String name = syscalls.name(made.names[k]);
                    (isIo(name) ? io : other).merge(name, 1L, Long::sum);
                }
            }
            if (!io.isEmpty() || !other.isEmpty()) {
                outside.add(new ThreadOutsideCalls(calls.name, calls.tid, io, other));
            }
        }
        if (callsOnTracedThreads >= MIN_CALLS_FOR_CLOCK_CHECK && emptyCallsOnTracedThreads * 2 > callsOnTracedThreads) {
            warnings.add(emptyCallsOnTracedThreads + " of " + callsOnTracedThreads + " calls on traced threads"
                    + " matched no syscall: the clocks may disagree (" + alignment.mismatchHint() + ")");
        }
        List<CallSyscalls> perKind = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            CallKind kind = kinds.get(i);
            perKind.add(new CallSyscalls(kind.operation(), kind.buffer(), kind.resource(), callsByKind[i],
                    syscallsByKind.get(i), patternsByKind.get(i)));
        }
        String clock = alignment == null ? "not aligned: the log's stamps cannot be placed on the recording's clock"
                : alignment.describe() + "; a syscall belongs to the call of its thread whose window holds its"
                        + " stamp (+-" + SLACK_NANOS / 1000 + " us)";
        return new CorrelationReport(java.info().pid(), clock, javaCalls, java.callsWithoutOsThread(),
                java.callsOutsideWindow(), syscallsOutsideWindow, perKind,
                outside, syscalls.otherThreads(), slowdown, List.copyOf(warnings));
    }

    /**
     * For each syscall of the thread, the index of the call that made it, else {@link #OUTSIDE_CALLS} or
     * {@link #OUTSIDE_WINDOW}.
     */
    private static int[] assign(ThreadCalls calls, ThreadSyscalls made, ClockAlignment alignment,
                                StraceWindow window) {
        int[] callOf = new int[made.size];
        int j = 0;
        for (int k = 0; k < made.size; k++) {
            long t = alignment.toNanoTime(made.starts[k]);
            while (j < calls.size && calls.ends[j] + SLACK_NANOS < t) {
                j++;
            }
            int best = OUTSIDE_CALLS;
            long bestDistance = SLACK_NANOS + 1;
            for (int c = j; c < calls.size && calls.starts[c] - SLACK_NANOS <= t; c++) {
                long distance = t < calls.starts[c] ? calls.starts[c] - t : Math.max(0, t - calls.ends[c]);
                if (distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            callOf[k] = best >= 0 ? best : window.holds(t, t) ? OUTSIDE_CALLS : OUTSIDE_WINDOW;
        }
        return callOf;
    }

    private static String pattern(Map<String, Integer> inside) {
        if (inside.isEmpty()) {
            return NONE;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> call : inside.entrySet()) {
            if (!text.isEmpty()) {
                text.append('+');
            }
            if (call.getValue() > 1) {
                text.append(call.getValue()).append('×');
            }
            text.append(call.getKey());
        }
        return text.toString();
    }

    /** A syscall inside a call of {@code operation} that the call itself did not ask for. */
    private static boolean isHousekeeping(String syscall, String operation) {
        return JVM_OWN.contains(syscall)
                || ALLOCATOR_OWN.contains(syscall) && !operation.equals(Operation.MAP.title());
    }

    /** Data moved or waited for: what a native library doing I/O behind the agent's back would show. */
    private static boolean isIo(String syscall) {
        return switch (SyscallCategory.of(syscall)) {
            case READ, WRITE, ZERO_COPY, ACCEPT, CONNECT, SELECT, POLL, EPOLL_WAIT, IO_URING, LINUX_AIO -> true;
            default -> false;
        };
    }
}
