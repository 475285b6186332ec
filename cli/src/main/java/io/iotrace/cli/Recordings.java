package io.iotrace.cli;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.RecordingAnalyzer;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads recordings into reports. */
public final class Recordings {
    /** A part of a rolling set, as the agent names it: {@code iotrace-<pid>.<n>.iotrace}. */
    private static final Pattern PART = Pattern.compile("(iotrace-\\d+)\\.\\d+\\.iotrace");

    private Recordings() {
    }

    /**
     * Analyzes one recording. One that was cut short (its JVM killed, its disk full) is reported from the events it
     * holds, with a warning that says where and why it ends; a damaged or foreign file is a {@link UserError}.
     *
     * @param alsoTo other readers of the recording, handed its events in the same pass
     */
    static ProcessReport analyze(List<Path> set, List<String> warnings, EventHandler... alsoTo) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        EventHandler all = onePass(analyzer, alsoTo);
        try {
            RecordingReader.readSet(set, all);
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
    static ProcessReport analyzeTolerant(List<Path> set, List<String> warnings, EventHandler... alsoTo) {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        EventHandler all = onePass(analyzer, alsoTo);
        try {
            RecordingReader.readSet(set, all);
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
            public void onSummary(SummarySnapshot snapshot) {
                all.forEach(h -> h.onSummary(snapshot));
            }

            @Override
            public void end(long droppedEvents) {
                all.forEach(h -> h.end(droppedEvents));
            }
        };
    }

    /**
     * The recordings grouped into one set per JVM: a rolling set's parts ({@code iotrace-<pid>.<n>.iotrace}) in
     * order, then the file its agent writes last ({@code iotrace-<pid>.iotrace}). A set is read as one recording;
     * any other file is a set of its own. Sets keep the order their first file was given in.
     */
    public static List<List<Path>> sets(List<Path> recordings) {
        Map<Path, List<Path>> sets = new LinkedHashMap<>();
        for (Path file : recordings) {
            Matcher part = PART.matcher(file.getFileName().toString());
            Path key = part.matches() ? file.resolveSibling(part.group(1) + ".iotrace") : file;
            sets.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        }
        List<List<Path>> result = new ArrayList<>();
        for (List<Path> set : sets.values()) {
            // Zero-padded part numbers sort by name; the file being written, without a number, goes last.
            set.sort(Comparator.comparing((Path p) -> !PART.matcher(p.getFileName().toString()).matches())
                    .thenComparing(p -> p.getFileName().toString()));
            result.add(set);
        }
        return result;
    }

    /** The set whose agent writes {@code current}: the parts of it still beside it, then {@code current}. */
    static List<Path> setEndingWith(Path current) throws IOException {
        Path directory = current.toAbsolutePath().getParent();
        for (List<Path> set : sets(in(directory))) {
            if (set.get(set.size() - 1).getFileName().equals(current.getFileName())) {
                return set;
            }
        }
        return List.of(current);
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
