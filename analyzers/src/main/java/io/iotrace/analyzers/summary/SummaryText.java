package io.iotrace.analyzers.summary;

import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.stats.Units;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link SummaryTimeline} for a person: per thread group and kind of call, the whole run, the first and
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

    public static void render(SummaryTimeline timeline, PrintWriter out) {
        SummarySnapshot last = timeline.lastSnapshot();
        if (last == null) {
            return;
        }
        SummarySnapshot first = timeline.firstSnapshot();
        out.println();
        out.println("Summaries  " + Units.count(timeline.snapshots(), "snapshot") + " from " + at(timeline, first)
                + " to " + at(timeline, last) + " after the agent started; whole run: totals since the agent started"
                + (timeline.snapshots() <= last.sequence() ? "; " + (last.sequence() + 1 - timeline.snapshots())
                + " went with the files deleted to keep the recording under maxsize, so earlier intervals are"
                + " longer" : ""));
        if (last.unsummarized() > 0 || last.groupsLeftOut() > 0) {
            out.println("  " + last.unsummarized() + " calls counted but not summarized, " + last.groupsLeftOut()
                    + " thread groups left out of the last snapshot");
        }
        out.println("  threads (seen/alive at the end): " + last.groups().stream().filter(g -> !g.cells().isEmpty())
                .map(g -> g.name() + " " + g.threadsSeen() + "/" + g.threadsAlive())
                .collect(Collectors.joining(", ")));
        out.println("  first, last: the first and last interval with such calls; worst: the one with the slowest p99");
        out.printf(Locale.ROOT, ROW, "group", "call", "resource", "interval (s)", "calls", "calls/s", "bytes",
                "copies", "p50", "p99");
        List<Map.Entry<SummaryTimeline.CallKey, SummaryTimeline.CallHistory>> rows = timeline.histories().stream()
                .sorted(Comparator.comparingLong((Map.Entry<SummaryTimeline.CallKey, SummaryTimeline.CallHistory> e)
                        -> e.getValue().whole().nanos()).reversed())
                .toList();
        for (Map.Entry<SummaryTimeline.CallKey, SummaryTimeline.CallHistory> row : rows.subList(0,
                Math.min(TOP, rows.size()))) {
            SummaryTimeline.CallKey key = row.getKey();
            SummaryTimeline.CallHistory h = row.getValue();
            String resource = key.kind() == null ? "-" : key.kind().title();
            line(out, timeline, key.group(), key.operation().title(), resource, "whole run", h.whole());
            if (h.first() != null) {
                line(out, timeline, "", "", "", "first", h.first());
                line(out, timeline, "", "", "", "last", h.last());
                line(out, timeline, "", "", "", "worst p99", h.worst());
            }
        }
        if (rows.size() > TOP) {
            out.println("  … and " + (rows.size() - TOP) + " more kinds of call, with less time in them");
        }
    }

    private static void line(PrintWriter out, SummaryTimeline t, String group, String call, String resource,
                             String which, Interval i) {
        String interval = which + " " + seconds(i.fromNanos() - t.startNanos()) + "-"
                + seconds(i.toNanos() - t.startNanos());
        out.printf(Locale.ROOT, ROW, group, call, resource, interval, i.count(),
                String.format(Locale.ROOT, "%.1f", i.rate()), Units.bytes(i.bytes()),
                i.bytes() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) i.copiedBytes() / i.bytes()),
                time(i.percentileNanos(50)), time(i.p99Nanos()));
    }

    /** A percentile as its bucket's bound: {@code ≤4.10 µs}. */
    private static String time(long nanos) {
        if (nanos == 0) {
            return "-";
        }
        return nanos == Long.MAX_VALUE ? ">275 s" : "≤" + Units.nanos(nanos);
    }

    private static String at(SummaryTimeline t, SummarySnapshot s) {
        return seconds(s.nanoTime() - t.startNanos()) + " s";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000_000L ? "%.1f" : "%.0f", nanos / 1e9);
    }
}
