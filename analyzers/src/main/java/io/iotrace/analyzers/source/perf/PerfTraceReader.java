package io.iotrace.analyzers.source.perf;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.source.ParseProblems;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import io.iotrace.analyzers.event.SyscallEventSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code perf trace} output: {@code 0.958 ( 0.005 ms): comm/tid read(fd: 4<socket:[30676]>, ...) = 64}.
 * A long call is split into a line ending in {@code ...} and a later {@code ... [continued]: read()) = 64} line
 * that carries the whole duration.
 *
 * <p>Line by line with regular expressions: perf trace slows the traced program so much that its logs stay small.
 * Timestamps are milliseconds since perf started, not wall-clock time ({@link SyscallEvent#FLAG_SINCE_TRACER_START}).
 * perf shows no flags for {@code clone3}; glibc uses it only for {@code pthread_create} (fork uses {@code clone}),
 * so a {@code clone3} counts as a thread.
 */
public final class PerfTraceReader {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(\\d+\\.\\d+|\\?) \\(\\s*(?:(\\d+\\.\\d+) ms)?\\s*\\): (.*)/(\\d+) +(.*)$");
    private static final Pattern CONTINUED = Pattern.compile("^\\.\\.\\. \\[continued\\]: (\\w+)\\(\\)\\)\\s+= ?(.*)$");
    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((.*)\\)\\s+= ?(.*)$");
    private static final Pattern UNFINISHED = Pattern.compile("^(\\w+)\\((.*)\\s+\\.\\.\\.$");
    private static final Pattern FIRST_FD = Pattern.compile("^(?:fd|out_fd|fd_in|epfd): (\\d+)(<[^>]*>)?");
    private static final Pattern RESULT = Pattern.compile("^(-?\\d+|0x[0-9a-f]+)(?: (E[A-Z0-9]+))?");

    private PerfTraceReader() {
    }

    /** @return the number of lines read */
    public static long read(Path file, SyscallEventSink sink, ParseProblems problems) throws IOException {
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                SyscallEvent event = parse(line);
                if (event == null) {
                    problems.malformed(file, lineNumber, "not a perf trace syscall line",
                            line.length() > 80 ? line.substring(0, 80) + "..." : line);
                } else {
                    sink.accept(event);
                }
            }
        }
        return lineNumber;
    }

    static SyscallEvent parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        long start = m.group(1).equals("?") ? SyscallEvent.NO_TIME : millisToNanos(m.group(1));
        long duration = m.group(2) == null ? SyscallEvent.NO_TIME : millisToNanos(m.group(2));
        int clock = start == SyscallEvent.NO_TIME ? 0 : SyscallEvent.FLAG_SINCE_TRACER_START;
        int tid = Integer.parseInt(m.group(4));
        String body = m.group(5).strip();
        Matcher continued = CONTINUED.matcher(body);
        if (continued.matches()) {
            return finished(Kind.RESUMED, tid, start, duration, clock, continued.group(1), "",
                    continued.group(2));
        }
        Matcher call = CALL.matcher(body);
        if (call.matches()) {
            return finished(Kind.CALL, tid, start, duration, clock, call.group(1), call.group(2), call.group(3));
        }
        Matcher unfinished = UNFINISHED.matcher(body);
        if (unfinished.matches()) {
            String args = unfinished.group(2);
            Matcher fd = FIRST_FD.matcher(args);
            boolean hasFd = fd.find();
            return new SyscallEvent(tid, start, SyscallEvent.NO_TIME, Kind.UNFINISHED, unfinished.group(1),
                    hasFd ? Integer.parseInt(fd.group(1)) : -1, hasFd ? kind(fd.group(2)) : FdKind.UNKNOWN, 0, null,
                    FdKind.UNKNOWN, 0, null, clock | spawnFlags(unfinished.group(1), args));
        }
        return null;
    }

    private static SyscallEvent finished(Kind kind, int tid, long start, long duration, int clock, String name,
                                         String args, String result) {
        Matcher fd = FIRST_FD.matcher(args);
        boolean hasFd = fd.find();
        Matcher value = RESULT.matcher(result.strip());
        int flags = clock | spawnFlags(name, args);
        long returned = 0;
        String errno = null;
        if (value.find()) {
            String number = value.group(1);
            returned = number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16)
                    : Long.parseLong(number);
            errno = value.group(2);
        } else {
            flags |= SyscallEvent.FLAG_NO_RESULT;
        }
        return new SyscallEvent(tid, start, duration, kind, name, hasFd ? Integer.parseInt(fd.group(1)) : -1,
                hasFd ? kind(fd.group(2)) : FdKind.UNKNOWN, returned, errno, FdKind.UNKNOWN, 0, null, flags);
    }

    private static int spawnFlags(String name, String args) {
        boolean thread = name.equals("clone3") || (name.equals("clone") && args.matches(".*\\bTHREAD\\b.*"));
        return thread ? SyscallEvent.FLAG_CLONE_THREAD : 0;
    }

    private static FdKind kind(String decoration) {
        if (decoration == null) {
            return FdKind.UNKNOWN;
        }
        byte[] bytes = decoration.getBytes(StandardCharsets.ISO_8859_1);
        return FdKind.ofDecoration(bytes, 1, bytes.length - 1);
    }

    private static long millisToNanos(String millis) {
        return Math.round(Double.parseDouble(millis) * 1_000_000);
    }
}
