package io.iotrace.cli.testing;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.RecordingAnalyzer;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A recording read back in full, for assertions: every event (as the reader delivers them, asynchronous halves
 * joined) and the drop count. Test recordings are small, so holding the events is fine here.
 *
 * @param events          every event, in file order
 * @param dropped         events the agent counted as dropped
 * @param droppedByThread of those, each thread's, by thread key (empty for a format 1 recording)
 */
public record Recorded(List<IoEvent> events, long dropped, Map<Long, Long> droppedByThread) {

    /** Reads a recording that must be complete (ended with the agent's end marker). */
    public static Recorded read(Path file) throws RecordingFormatException {
        List<IoEvent> events = new ArrayList<>();
        long[] dropped = {-1};
        Map<Long, Long> byThread = new HashMap<>();
        RecordingReader.read(file, new EventHandler() {
            @Override
            public void onEvent(IoEvent event) {
                events.add(event);
            }

            @Override
            public void droppedOnThread(long threadKey, long droppedEvents) {
                byThread.put(threadKey, droppedEvents);
            }

            @Override
            public void end(long droppedEvents) {
                dropped[0] = droppedEvents;
            }
        });
        return new Recorded(List.copyOf(events), dropped[0], Map.copyOf(byThread));
    }

    /** The report {@code iotrace analyze} builds from the file, through the analyzers' own streaming path. */
    public static ProcessReport analyze(Path file) throws RecordingFormatException {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        RecordingReader.read(file, analyzer);
        return analyzer.report();
    }

    public List<IoEvent> where(Predicate<IoEvent> condition) {
        return events.stream().filter(condition).toList();
    }
}
