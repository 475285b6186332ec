package io.iotrace.analyzers.summary;

import io.iotrace.analyzers.event.SummarySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SummaryTimeline} as plain maps and lists for a JSON writer: what {@link SummaryText} shows, with times in
 * ns since the agent started and percentiles as the upper bounds of their histogram buckets.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /** Null when the recording holds no snapshot. */
    public static Map<String, Object> of(SummaryTimeline timeline) {
        SummarySnapshot last = timeline.lastSnapshot();
        if (last == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("snapshots", timeline.snapshots());
        json.put("snapshotsWritten", last.sequence() + 1);
        json.put("callsRecorded", last.callsRecorded());
        json.put("unsummarizedCalls", last.unsummarized());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (SummarySnapshot.Group g : last.groups()) {
            groups.add(Map.of("name", g.name(), "threadsSeen", g.threadsSeen(), "threadsAlive", g.threadsAlive()));
        }
        json.put("groups", groups);
        List<Map<String, Object>> calls = new ArrayList<>();
        for (Map.Entry<SummaryTimeline.CallKey, SummaryTimeline.CallHistory> e : timeline.histories()) {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("group", e.getKey().group());
            call.put("operation", e.getKey().operation().title());
            call.put("resource", e.getKey().kind() == null ? null : e.getKey().kind().title());
            SummaryTimeline.CallHistory h = e.getValue();
            call.put("wholeRun", interval(timeline, h.whole()));
            call.put("first", interval(timeline, h.first()));
            call.put("last", interval(timeline, h.last()));
            call.put("worst", interval(timeline, h.worst()));
            calls.add(call);
        }
        json.put("calls", calls);
        return json;
    }

    private static Map<String, Object> interval(SummaryTimeline t, Interval i) {
        if (i == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fromNanos", i.fromNanos() - t.startNanos());
        json.put("toNanos", i.toNanos() - t.startNanos());
        json.put("calls", i.count());
        json.put("bytes", i.bytes());
        json.put("copiedBytes", i.copiedBytes());
        json.put("totalNanos", i.nanos());
        json.put("p50Nanos", i.percentileNanos(50));
        json.put("p99Nanos", i.p99Nanos());
        return json;
    }
}
