package io.iotrace.cli.bench;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import java.nio.file.Path;

/**
 * Counts the calls a recording holds that started inside a time window. {@code System.nanoTime()} reads the
 * system-wide monotonic clock on Linux, so the benchmark's window and the traced JVM's event times compare.
 */
final class RecordedCalls implements EventHandler {
    private final long fromNanos;
    private final long toNanos;
    private long inWindow;
    private long all;
    private long dropped;
    private long summarized;

    private RecordedCalls(long fromNanos, long toNanos) {
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
    }

    /** Reads {@code recording} and counts its calls that started in [fromNanos, toNanos]. */
    static RecordedCalls between(Path recording, long fromNanos, long toNanos) throws RecordingFormatException {
        RecordedCalls counter = new RecordedCalls(fromNanos, toNanos);
        RecordingReader.read(recording, counter);
        return counter;
    }

    @Override
    public void onEvent(IoEvent event) {
        all++;
        if (event.startNanos() >= fromNanos && event.startNanos() <= toNanos) {
            inWindow++;
        }
    }

    @Override
    public void onSummary(SummarySnapshot snapshot) {
        summarized = snapshot.groups().stream().flatMap(g -> g.cells().stream())
                .mapToLong(SummarySnapshot.Cell::count).sum();
    }

    @Override
    public void end(long droppedEvents) {
        dropped = droppedEvents;
    }

    long inWindow() {
        return inWindow;
    }

    /** Calls in the whole recording. */
    long all() {
        return all;
    }

    /** Calls the agent's last summary counts: every call of the run, also with {@code mode=summary}. */
    long summarized() {
        return summarized;
    }

    /** Events the agent dropped over the whole recording. */
    long dropped() {
        return dropped;
    }
}
