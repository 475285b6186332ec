package io.iotrace.cli;

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

    /** Analyzes one recording; a damaged or foreign file is a {@link UserError}. */
    static ProcessReport analyze(Path file) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        try {
            RecordingReader.read(file, analyzer);
        } catch (RecordingFormatException e) {
            throw new UserError(e.getMessage());
        }
        return analyzer.report();
    }

    /**
     * Analyzes what a traced command left. A recording cut short (its JVM was killed) is still reported, from
     * the events it holds, with a warning: they were measured and must not be lost.
     */
    static ProcessReport analyzeTolerant(Path file, List<String> warnings) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        try {
            RecordingReader.read(file, analyzer);
        } catch (RecordingFormatException e) {
            warnings.add(e.getMessage());
            analyzer.end(0);
        }
        return analyzer.report();
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
