package io.iotrace.cli;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.RecordingAnalyzer;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads recordings into reports. */
public final class Recordings {
    private Recordings() {
    }

    /**
     * Analyzes one recording. One that was cut short (its JVM killed, its disk full) is reported from the events it
     * holds, with a warning that says where and why it ends; a damaged or foreign file is a {@link UserError}.
     *
     * @param alsoTo other readers of the recording, handed its events in the same pass
     */
    static ProcessReport analyze(Path file, List<String> warnings, EventHandler... alsoTo) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        EventHandler all = onePass(analyzer, alsoTo);
        try {
            RecordingReader.read(file, all);
        } catch (RecordingFormatException e) {
            if (!e.isCutShort()) {
                throw new UserError(e.getMessage());
            }
            warnings.add(e.getMessage());
            all.end(e.droppedEvents());
        }
        return analyzer.report();
    }

    /**
     * Analyzes what a traced command left. Even a damaged recording is still reported, from the events read before
     * the damage, with a warning: they were measured and must not be lost.
     *
     * @param alsoTo other readers of the recording, handed its events in the same pass
     */
    static ProcessReport analyzeTolerant(Path file, List<String> warnings, EventHandler... alsoTo) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        EventHandler all = onePass(analyzer, alsoTo);
        try {
            RecordingReader.read(file, all);
        } catch (RecordingFormatException e) {
            warnings.add(e.getMessage());
            all.end(e.droppedEvents());
        }
        return analyzer.report();
    }

    /** Hands each event to every reader in turn, so that a recording with several readers is read once. */
    private static EventHandler onePass(EventHandler first, EventHandler... others) {
        if (others.length == 0) {
            return first;
        }
        List<EventHandler> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(others));
        return new EventHandler() {
            @Override
            public void begin(RecordingInfo info) {
                all.forEach(h -> h.begin(info));
            }

            @Override
            public void onEvent(IoEvent event) {
                for (EventHandler h : all) {
                    h.onEvent(event);
                }
            }

            @Override
            public void end(long droppedEvents) {
                all.forEach(h -> h.end(droppedEvents));
            }
        };
    }

    /** The recordings ({@code .iotrace} files) in {@code directory}, sorted by name. */
    public static List<Path> in(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(directory)) {
            s.filter(p -> p.getFileName().toString().endsWith(".iotrace")).sorted().forEach(files::add);
        }
        return files;
    }
}
