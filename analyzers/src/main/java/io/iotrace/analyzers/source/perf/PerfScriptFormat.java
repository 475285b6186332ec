package io.iotrace.analyzers.source.perf;

import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.source.SyscallLineParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code perf script} format of syscall tracepoints, for the {@link io.iotrace.analyzers.source.ChunkedLogReader}:
 * its lines are halves of calls ({@link PerfScriptLineParser}) that {@link PerfCallPairing} joins.
 *
 * <p>Timestamps are kept as perf prints them, in seconds of the clock perf recorded with: with
 * {@code perf record -k CLOCK_MONOTONIC} that is CLOCK_MONOTONIC, the clock of {@code System.nanoTime()}, so they
 * line up with a JVM's own nanoTime stamps; without {@code -k} perf uses its own sched clock, which lines up with
 * nothing. The output does not say which ({@link SyscallEvent#FLAG_PERF_CLOCK}) unless perf script ran with
 * {@code --header}, whose lines come first: its {@code # event :} lines show {@code clockid = 1} for
 * CLOCK_MONOTONIC and no {@code use_clockid} for perf's own clock.
 */
public final class PerfScriptFormat {
    /** A {@code perf script --header} line describing a recorded event: its clock, if perf record was given one. */
    private static final Pattern HEADER_EVENT = Pattern.compile("^#\\s*event\\s*:.*");
    private static final Pattern HEADER_CLOCKID = Pattern.compile("\\bclockid = (\\d+)");
    private static final int CLOCK_MONOTONIC = 1;

    private PerfScriptFormat() {
    }

    /** Parsers of one perf script log, each stamping with the clock its header names. */
    public static Supplier<SyscallLineParser> parsers(Path file) throws IOException {
        int clock = clockOf(file);
        return () -> new PerfScriptLineParser(clock);
    }

    /** The clock bit the header's event lines name, or {@link SyscallEvent#FLAG_PERF_CLOCK} without a header. */
    static int clockOf(Path file) throws IOException {
        int clock = SyscallEvent.FLAG_PERF_CLOCK;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = reader.readLine()) != null && (line.isBlank() || line.startsWith("#")); ) {
                if (HEADER_EVENT.matcher(line).matches()) {
                    Matcher id = HEADER_CLOCKID.matcher(line);
                    boolean monotonic = id.find() && Integer.parseInt(id.group(1)) == CLOCK_MONOTONIC;
                    clock = monotonic ? SyscallEvent.FLAG_MONOTONIC : SyscallEvent.FLAG_OTHER_CLOCK;
                }
            }
        }
        return clock;
    }
}
