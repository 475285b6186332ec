package io.iotrace.cli.top;

import io.iotrace.analyzers.report.GroupReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.RecordingAnalyzer;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingFollower;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a recording that is still being written into one table per interval. It follows the file (the agent
 * flushes it every few milliseconds), reading only the chunks written since the last interval, classifies the
 * threads over everything seen, and subtracts the previous totals to get rates.
 */
public final class LiveSampler implements AutoCloseable {
    private final RecordingAnalyzer analyzer = new RecordingAnalyzer();
    private final ThreadCounters counters = new ThreadCounters();
    private final RecordingFollower follower;
    private Map<Long, ThreadCounters.Counter> previous = Map.of();
    private long previousNanos = System.nanoTime();
    private ProcessReport lastReport;

    public LiveSampler(Path recording) {
        this.follower = new RecordingFollower(recording, new Both(analyzer, counters));
    }

    /** The report over everything read so far; null before the first sample. */
    public ProcessReport report() {
        return lastReport;
    }

    /**
     * Reads what the agent wrote since the last sample and returns one row per thread group for that time.
     *
     * @throws RecordingFormatException when the recording is damaged; the last report stays as it was
     */
    public List<GroupRow> sample() throws RecordingFormatException {
        counters.startInterval();
        follower.poll();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - previousNanos) / 1e9);
        ProcessReport report = analyzer.report();
        Map<Long, ThreadCounters.Counter> totals = counters.snapshot();
        List<GroupRow> rows = new ArrayList<>();
        for (GroupReport g : report.groups()) {
            rows.add(row(g, totals, seconds));
        }
        previous = totals;
        previousNanos = now;
        lastReport = report;
        return rows;
    }

    @Override
    public void close() throws IOException {
        follower.close();
    }

    private GroupRow row(GroupReport g, Map<Long, ThreadCounters.Counter> now, double seconds) {
        long calls = 0;
        long in = 0;
        long out = 0;
        long callNanos = 0;
        long stall = -1;
        for (long key : g.threadKeys()) {
            ThreadCounters.Counter c = now.get(key);
            if (c == null) {
                continue;
            }
            ThreadCounters.Counter before = previous.getOrDefault(key, new ThreadCounters.Counter());
            calls += c.calls - before.calls;
            in += c.bytesIn - before.bytesIn;
            out += c.bytesOut - before.bytesOut;
            callNanos += c.callNanos - before.callNanos;
            if (c.lastSelectEnd != 0) {
                stall = Math.max(stall, c.newStallNanos);
            }
        }
        double waitPercent = Math.min(100, 100.0 * callNanos / (seconds * 1e9 * Math.max(1, g.threads())));
        boolean loop = g.ioModel() == IoModel.MULTIPLEXING && stall >= 0;
        return new GroupRow(g.label(), g.threads(), g.role().toString(), g.ioModel().toString(), calls / seconds,
                in / seconds, out / seconds, waitPercent, loop ? stall / 1e6 : -1);
    }

    /** Hands each event to two handlers. */
    private record Both(EventHandler first, EventHandler second) implements EventHandler {
        @Override
        public void begin(RecordingInfo info) {
            first.begin(info);
            second.begin(info);
        }

        @Override
        public void onEvent(IoEvent event) {
            first.onEvent(event);
            second.onEvent(event);
        }

        @Override
        public void end(long droppedEvents) {
            first.end(droppedEvents);
            second.end(droppedEvents);
        }
    }
}
