package io.iotrace.analyzers.summary;

import io.iotrace.analyzers.stats.Units;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a process's {@link SummaryReport} for a person: per thread group and kind of call, the whole run, the first and
 * last interval and the worst one, the busiest kinds of call first.
 */
public final class SummaryText {
    private static final int TOP = 20;
    private static final String ROW = "  %-22s %-9s %-22s %-22s %10s %10s %10s %7s %10s %10s%n";

    private SummaryText() {
    }

    /** The heading of a recording made with {@code mode=summary}, which holds no calls to analyze. */
    public static void renderSummaryOnlyHeading(String process, PrintWriter out) {
        out.println("iotrace summaries: " + process);
        out.println("  recorded with mode=summary: the agent added the calls up and did not record each one, so the"
                + " per-call analysis (architecture, I/O model, threads, copies per call) is not available");
    }

    public static void render(SummaryReport summaries, PrintWriter out) {
        out.println();
        out.println("Summaries  " + Units.count(summaries.snapshots(), "snapshot") + " from "
                + seconds(summaries.firstSnapshotNanos()) + " s to " + seconds(summaries.lastSnapshotNanos())
                + " s after the agent started; whole run: totals since the agent started"
                + (summaries.snapshots() < summaries.snapshotsWritten() ? "; "
                + (summaries.snapshotsWritten() - summaries.snapshots()) + " went with the files deleted to keep"
                + " the recording under maxsize, so earlier intervals are longer" : ""));
        if (summaries.unsummarizedCalls() > 0 || summaries.groupsLeftOut() > 0) {
            out.println("  " + summaries.unsummarizedCalls() + " calls counted but not summarized, "
                    + summaries.groupsLeftOut() + " thread groups left out of the last snapshot");
        }
        out.println("  threads (seen/alive at the end): " + summaries.groups().stream()
                .map(g -> g.name() + " " + g.threadsSeen() + "/" + g.threadsAlive())
                .collect(Collectors.joining(", ")));
        out.println("  first, last: the first and last interval with such calls; worst: the one with the slowest p99"
                + " (shown when there was more than one)");
        out.printf(Locale.ROOT, ROW, "group", "call", "resource", "interval (s)", "calls", "calls/s", "bytes",
                "copies", "p50", "p99");
        List<SummaryReport.CallSummary> calls = summaries.calls();
        for (SummaryReport.CallSummary call : calls.subList(0, Math.min(TOP, calls.size()))) {
            String resource = call.resource() == null ? "-" : call.resource();
            line(out, call.group(), call.operation(), resource, "whole run", call.wholeRun());
            // A kind of call met in one interval only has nothing to compare: its interval is its whole run.
            if (call.first() != null && call.first().fromNanos() != call.last().fromNanos()) {
                line(out, "", "", "", "first", call.first());
                line(out, "", "", "", "last", call.last());
                line(out, "", "", "", "worst p99", call.worst());
            }
        }
        if (calls.size() > TOP) {
            out.println("  … and " + (calls.size() - TOP) + " more kinds of call, with less time in them");
        }
    }

    private static void line(PrintWriter out, String group, String call, String resource, String which,
                             SummaryReport.IntervalFigures i) {
        String interval = which + " " + seconds(i.fromNanos()) + "-" + seconds(i.toNanos());
        out.printf(Locale.ROOT, ROW, group, call, resource, interval, i.calls(),
                String.format(Locale.ROOT, "%.1f", i.rate()), Units.bytes(i.bytes()),
                i.bytes() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) i.copiedBytes() / i.bytes()),
                time(i.p50Nanos()), time(i.p99Nanos()));
    }

    /** A percentile as its bucket's bound: {@code ≤4.10 µs}. */
    private static String time(long nanos) {
        if (nanos == 0) {
            return "-";
        }
        return nanos == Long.MAX_VALUE ? ">275 s" : "≤" + Units.nanos(nanos);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000_000L ? "%.1f" : "%.0f", nanos / 1e9);
    }
}
