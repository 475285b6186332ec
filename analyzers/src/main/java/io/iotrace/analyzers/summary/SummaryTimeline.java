package io.iotrace.analyzers.summary;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.SummarySnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a recording's summaries changed over its run: for each thread group and kind of call, the whole run (the last
 * snapshot, whose figures count from the agent's start), the first and the last interval with such calls, and the worst
 * one (the highest 99th percentile of call time). Memory holds one snapshot and four intervals per kind of call,
 * however long the run.
 */
public final class SummaryTimeline implements EventHandler {
    private long startNanos;
    private SummarySnapshot first;
    private SummarySnapshot last;
    private long snapshots;
    private Map<CallKey, SummarySnapshot.Cell> previous = Map.of();
    private final Map<CallKey, CallHistory> histories = new LinkedHashMap<>();

    /** A group's kind of call: an operation on a kind of resource (null: none). */
    private record CallKey(String group, Operation operation, ResourceKind kind) {
    }

    /** One kind of call over the run; {@code first}, {@code last} and {@code worst} are null before two snapshots. */
    private record CallHistory(Interval whole, Interval first, Interval last, Interval worst) {
    }

    @Override
    public void begin(RecordingInfo info) {
        startNanos = info.nanoTimeAtStart();
    }

    @Override
    public void onEvent(IoEvent event) {
    }

    @Override
    public void onSummary(SummarySnapshot snapshot) {
        snapshots++;
        boolean fromStart = first == null && snapshot.sequence() == 0;
        if (first == null) {
            first = snapshot;
        }
        Map<CallKey, SummarySnapshot.Cell> current = new HashMap<>();
        for (SummarySnapshot.Group g : snapshot.groups()) {
            for (SummarySnapshot.Cell cell : g.cells()) {
                CallKey key = new CallKey(g.name(), cell.operation(), cell.kind());
                current.put(key, cell);
                Interval whole = Interval.between(startNanos, snapshot.nanoTime(), null, cell);
                CallHistory h = histories.get(key);
                Interval interval = last == null
                        ? (fromStart ? whole : null)
                        : Interval.between(last.nanoTime(), snapshot.nanoTime(), previous.get(key), cell);
                histories.put(key, next(h, whole, interval));
            }
        }
        previous = current;
        last = snapshot;
    }

    private static CallHistory next(CallHistory h, Interval whole, Interval interval) {
        if (interval == null || interval.count() == 0) {
            return new CallHistory(whole, h == null ? null : h.first(), h == null ? null : h.last(),
                    h == null ? null : h.worst());
        }
        Interval firstInterval = h == null || h.first() == null ? interval : h.first();
        Interval worst = h == null || h.worst() == null || worse(interval, h.worst()) ? interval : h.worst();
        return new CallHistory(whole, firstInterval, interval, worst);
    }

    /** The slower 99th percentile; of two alike, the one with more calls. */
    private static boolean worse(Interval a, Interval b) {
        return a.p99Nanos() > b.p99Nanos() || a.p99Nanos() == b.p99Nanos() && a.count() > b.count();
    }

    /** The summaries for the process's report; null when the recording holds no snapshot. */
    public SummaryReport report() {
        if (last == null) {
            return null;
        }
        List<SummaryReport.GroupThreads> groups = last.groups().stream().filter(g -> !g.cells().isEmpty())
                .map(g -> new SummaryReport.GroupThreads(g.name(), g.threadsSeen(), g.threadsAlive())).toList();
        List<SummaryReport.CallSummary> calls = histories.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<CallKey, CallHistory> e) -> e.getValue().whole().nanos())
                        .reversed())
                .map(e -> {
                    CallKey key = e.getKey();
                    CallHistory h = e.getValue();
                    return new SummaryReport.CallSummary(key.group(), key.operation().title(),
                            key.kind() == null ? null : key.kind().title(), figures(h.whole()), figures(h.first()),
                            figures(h.last()), figures(h.worst()));
                }).toList();
        return new SummaryReport(snapshots, last.sequence() + 1, first.nanoTime() - startNanos,
                last.nanoTime() - startNanos, last.callsRecorded(), last.unsummarized(), last.groupsLeftOut(), groups,
                calls);
    }

    private SummaryReport.IntervalFigures figures(Interval i) {
        return i == null ? null : new SummaryReport.IntervalFigures(i.fromNanos() - startNanos,
                i.toNanos() - startNanos, i.count(), i.bytes(), i.copiedBytes(), i.nanos(), i.percentileNanos(50),
                i.p99Nanos());
    }
}
