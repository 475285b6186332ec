package io.iotrace.analyzers.correlate;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link CorrelationReport} as indented text. */
final class CorrelationRenderer {
    /** Per-call patterns and syscall names shown per line; the rest is in the report object. */
    private static final int SHOWN = 6;

    private final PrintWriter out;

    CorrelationRenderer(PrintWriter out) {
        this.out = out;
    }

    void render(CorrelationReport report) {
        out.printf("syscalls of java process %d, matched by OS thread and time%n", report.pid());
        out.printf("  clock: %s%n", report.clock());
        out.printf("  under the tracer: %s%n", report.slowdown().describe());
        for (String warning : report.warnings()) {
            out.printf("  warning: %s%n", warning);
        }
        out.printf("  %d java calls on OS threads%s%s%n", report.javaCalls(), report.callsWithoutOsThread() > 0
                ? ", " + report.callsWithoutOsThread() + " on virtual threads (not matched)" : "",
                report.callsOutsideStrace() > 0 ? ", " + report.callsOutsideStrace() + " not wholly while strace"
                        + " was attached (not matched)" : "");
        if (report.syscallsOutsideStrace() > 0) {
            out.printf("  %d syscalls logged while strace joined or let go of the threads, made by calls it did not"
                    + " see whole (not matched)%n", report.syscallsOutsideStrace());
        }
        for (CallSyscalls call : report.calls()) {
            out.printf("  %s (%s, %s): %d calls%n", call.operation(), call.buffer(), call.resource(), call.calls());
            out.printf("      each made: %s%n", top(call.perCall()));
            if (!call.syscalls().isEmpty()) {
                out.printf("      syscalls:  %s%n", top(call.syscalls()));
            }
        }
        if (!report.outsideCalls().isEmpty()) {
            out.printf("  outside any java call, by thread:%n");
        }
        for (ThreadOutsideCalls thread : report.outsideCalls()) {
            out.printf("    %s (tid %d): I/O %s; other %s%n", thread.thread(), thread.tid(), top(thread.io()),
                    top(thread.other()));
        }
        out.printf("  %d syscalls of threads that made no recorded call (JVM internals, other processes)%n",
                report.syscallsOfOtherThreads());
        out.flush();
    }

    /** The largest counts first, as {@code read 200, poll+read 3, ... 2 more}. */
    private static String top(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        String shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return counts.size() > SHOWN ? shown + ", ... " + (counts.size() - SHOWN) + " more" : shown;
    }
}
