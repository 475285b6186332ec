package io.iotrace.cli.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays the corpus's real logs of one kind end to end, over and over, until a size is reached: the common work of
 * the benchmark's real-shaped strace log ({@link RealShapedLog}) and perf log ({@link PerfShapedLog}), which differ
 * only in how a copy's lines are moved to ids and times of their own. The logs are read through {@code xz -dc}:
 * nothing unpacked is kept.
 */
final class CorpusLogRepeater {
    /** One copy of one log, rewritten line by line. */
    interface Copy {
        /** The line moved to this copy's ids and times; a line that names none as it is. */
        String rewrite(String line);

        /** The latest time this copy's lines reached, in the log's own unit. */
        long lastTime();
    }

    /** Makes the copy of a log for one pass over the logs, its first line at {@code startTime}. */
    interface Copies {
        Copy of(int pass, long startTime);
    }

    private CorpusLogRepeater() {
    }

    /** The logs named {@code fileName} under {@code corpus}'s {@code native/NAME/} and {@code jvm/NAME/}. */
    static List<Path> find(Path corpus, String fileName) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String kind : List.of("native", "jvm")) {
            Path dir = corpus.resolve(kind);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> programs = Files.list(dir)) {
                    programs.map(p -> p.resolve(fileName)).filter(Files::isRegularFile).sorted().forEach(found::add);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IOException("no " + fileName + " under " + corpus + "/native or /jvm (give --corpus)");
        }
        return found;
    }

    /**
     * Writes at least {@code bytes} (whole lines) to {@code out}: the logs in turn, each copy starting {@code gap}
     * after the previous one's last time. Returns the lines written.
     */
    static long write(List<Path> logs, Path out, long bytes, long firstTime, long gap, Copies copies)
            throws IOException, InterruptedException {
        long lines = 0;
        long written = 0;
        long clock = firstTime;
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1), 1 << 20)) {
            for (int pass = 0; written < bytes; pass++) {
                for (Path log : logs) {
                    if (written >= bytes) {
                        break;
                    }
                    Copy copy = copies.of(pass, clock);
                    Process xz = new ProcessBuilder("xz", "-dc", log.toString())
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(xz.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 20)) {
                        for (String line; (line = in.readLine()) != null && written < bytes; ) {
                            String moved = copy.rewrite(line);
                            writer.append(moved).append('\n');
                            written += moved.length() + 1;
                            lines++;
                        }
                    } finally {
                        xz.destroy();
                    }
                    if (xz.waitFor() != 0 && written < bytes) {
                        throw new IOException("xz -dc " + log + " failed");
                    }
                    clock = copy.lastTime() + gap;
                }
            }
        }
        return lines;
    }
}
