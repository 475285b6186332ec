package io.iotrace.analyzers.source.perf;

import io.iotrace.analyzers.event.LinuxTables;
import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.source.ParseProblems;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import io.iotrace.analyzers.event.SyscallEventSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code perf script} output of syscall tracepoints and pairs each thread's enter and exit into one call:
 * <ul>
 * <li>{@code raw_syscalls:sys_enter: NR 0 (3, 7ffc..., 40, ...)} and {@code raw_syscalls:sys_exit: NR 0 = -11}:
 * x86_64 syscall numbers, named through {@link LinuxTables}; arguments in hex, the result in decimal, an error as
 * minus its errno;</li>
 * <li>{@code syscalls:sys_enter_read: fd: 0x00000003, ...} and {@code syscalls:sys_exit_read: 0x5}: named, the
 * result in hex (an error is its two's complement);</li>
 * <li>{@code io_uring:io_uring_create}, {@code io_uring_submit_req} and {@code io_uring_complete}: the operations
 * strace cannot see inside {@code io_uring_enter}, each an event named after its tracepoint
 * ({@link SyscallCategory#IO_URING}), which is what makes a process {@code async}.</li>
 * </ul>
 * Other events in the same output (sched, signal, ...) are passed over.
 *
 * <p>Timestamps are kept as perf prints them, in seconds of the clock perf recorded with: with
 * {@code perf record -k CLOCK_MONOTONIC} that is CLOCK_MONOTONIC, the clock of {@code System.nanoTime()}, so
 * they line up with a JVM's own nanoTime stamps; without {@code -k} perf uses its own sched clock, which lines up
 * with nothing. The output does not say which ({@link SyscallEvent#FLAG_PERF_CLOCK}) unless perf script ran with
 * {@code --header}: the header's {@code # event :} lines show {@code clockid = 1} for CLOCK_MONOTONIC and no
 * {@code use_clockid} for perf's own clock. perf script sorts events by time, so each thread's events arrive in order; a thread has at most
 * one call open, so memory grows with the threads, not the file. Descriptors carry no labels here: every fd is
 * {@link FdKind#UNKNOWN}. A call whose enter came before the recording started has no start and no duration; a
 * call whose exit never came ({@code exit_group}, a lost event, the end of the recording) has no result.
 */
public final class PerfScriptReader {
    /** comm (which may hold spaces), tid or pid/tid, optional [cpu], seconds, optional period, event, payload. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*?)\\s+(?:\\d+/)?(\\d+)\\s+(?:\\[\\d+\\]\\s+)?(\\d+)\\.(\\d+):\\s+(?:\\d+\\s+)?([\\w-]+):([\\w-]+):\\s?(.*)$");
    private static final Pattern RAW_ENTER = Pattern.compile("^NR (-?\\d+) \\(([^)]*)\\)\\s*$");
    private static final Pattern RAW_EXIT = Pattern.compile("^NR (-?\\d+) = (-?\\d+)\\s*$");
    private static final Pattern NAMED_EXIT = Pattern.compile("^0x([0-9a-f]+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("(\\w+): (?:0x)?([0-9a-f]+)");
    private static final Pattern URING_RESULT = Pattern.compile("\\bresult (-?\\d+)");
    private static final Pattern URING_FD = Pattern.compile("\\bfd (\\d+)");
    /** A {@code perf script --header} line describing a recorded event: its clock, if perf record was given one. */
    private static final Pattern HEADER_EVENT = Pattern.compile("^#\\s*event\\s*:.*");
    private static final Pattern HEADER_CLOCKID = Pattern.compile("\\bclockid = (\\d+)");
    private static final int CLOCK_MONOTONIC = 1;
    private static final String RAW_EVENT = " raw_syscalls:sys_";
    private static final long CLONE_THREAD = 0x10000;
    /** The kernel returns errors as -1 .. -4095. */
    private static final long MAX_ERRNO = 4095;

    private final Path file;
    private final SyscallEventSink sink;
    private final ParseProblems problems;
    /** Per thread, the call that entered and has not exited yet. */
    private final Map<Integer, Entered> open = new HashMap<>();
    /**
     * Per thread, the io_uring tracepoints fired inside its open call ({@code io_uring_enter} submits and reaps):
     * handed on after that call, which started before them, so that each thread's events stay in time order.
     */
    private final Map<Integer, List<SyscallEvent>> insideOpenCall = new HashMap<>();
    /** The arguments of the raw enter being read: six on x86_64. */
    private final long[] rawArguments = new long[6];
    /** The clock bit of every stamp: unstated until a header line names it. */
    private int clock = SyscallEvent.FLAG_PERF_CLOCK;

    private record Entered(String name, long start, int fd, long argument, int flags) {
    }

    private PerfScriptReader(Path file, SyscallEventSink sink, ParseProblems problems) {
        this.file = file;
        this.sink = sink;
        this.problems = problems;
    }

    /** @return the number of lines read */
    public static long read(Path file, SyscallEventSink sink, ParseProblems problems) throws IOException {
        return new PerfScriptReader(file, sink, problems).read();
    }

    private long read() throws IOException {
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#")) {
                    header(line);
                } else if (!line.isBlank() && !parse(line)) {
                    problems.malformed(file, lineNumber, "not a perf script tracepoint line",
                            line.length() > 80 ? line.substring(0, 80) + "..." : line);
                }
            }
        }
        for (Map.Entry<Integer, Entered> call : List.copyOf(open.entrySet())) {
            close(call.getKey(), neverReturned(call.getKey(), call.getValue()));
        }
        open.clear();
        return lineNumber;
    }

    private void header(String line) {
        if (HEADER_EVENT.matcher(line).matches()) {
            Matcher id = HEADER_CLOCKID.matcher(line);
            boolean monotonic = id.find() && Integer.parseInt(id.group(1)) == CLOCK_MONOTONIC;
            clock = monotonic ? SyscallEvent.FLAG_MONOTONIC : SyscallEvent.FLAG_OTHER_CLOCK;
        }
    }

    /** @return false when the line cannot be read */
    private boolean parse(String line) {
        if (rawLine(line)) {
            return true;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        int tid = Integer.parseInt(m.group(2));
        long time = nanos(m.group(3), m.group(4));
        String system = m.group(5);
        String event = m.group(6);
        String payload = m.group(7);
        return switch (system) {
            case "raw_syscalls" -> event.equals("sys_enter") ? rawEnter(tid, time, payload)
                    : !event.equals("sys_exit") || rawExit(tid, time, payload);
            case "syscalls" -> event.startsWith("sys_enter_") ? namedEnter(tid, time, event.substring(10), payload)
                    : !event.startsWith("sys_exit_") || namedExit(tid, time, event.substring(9), payload);
            case "io_uring" -> uring(tid, time, event, payload);
            default -> true;
        };
    }

    private boolean rawEnter(int tid, long time, String payload) {
        Matcher m = RAW_ENTER.matcher(payload);
        if (!m.matches()) {
            return false;
        }
        String[] hex = m.group(2).split(",\\s*");
        long[] args = new long[hex.length];
        for (int i = 0; i < hex.length; i++) {
            args[i] = Long.parseUnsignedLong(hex[i].strip(), 16);
        }
        enterRaw(tid, time, Long.parseLong(m.group(1)), args, args.length);
        return true;
    }

    private void enterRaw(int tid, long time, long number, long[] args, int count) {
        enter(tid, time, LinuxTables.syscallName(number), count > 0 ? args[0] : -1, count > 4 ? args[4] : -1,
                count > 1 ? args[1] : 0);
    }

    /**
     * Reads the usual {@code comm tid [cpu] seconds.fraction: raw_syscalls:sys_enter: NR n (hex, ...)} and
     * {@code ...: raw_syscalls:sys_exit: NR n = result} by hand, from the tracepoint's name outwards: the regular
     * expressions cost about ten times what reading the line does. Anything else (another event, a period column,
     * a line cut short) is left to them.
     *
     * @return false when the line is not of that form
     */
    private boolean rawLine(String line) {
        int event = line.indexOf(RAW_EVENT);
        if (event < 0) {
            return false;
        }
        int p = event - 1;
        while (p >= 0 && line.charAt(p) == ' ') {
            p--;
        }
        if (p < 0 || line.charAt(p) != ':') {
            return false;
        }
        int fractionEnd = p;
        int dot = digitsBack(line, fractionEnd);
        if (dot == fractionEnd - 1 || dot < 0 || line.charAt(dot) != '.' || fractionEnd - dot - 1 > 9) {
            return false;
        }
        int secondsStart = digitsBack(line, dot) + 1;
        if (secondsStart == dot || secondsStart == 0 || line.charAt(secondsStart - 1) != ' ') {
            return false;
        }
        p = secondsStart - 1;
        while (p >= 0 && line.charAt(p) == ' ') {
            p--;
        }
        if (p >= 0 && line.charAt(p) == ']') {
            int open = digitsBack(line, p);
            if (open < 0 || line.charAt(open) != '[') {
                return false;
            }
            p = open - 1;
            while (p >= 0 && line.charAt(p) == ' ') {
                p--;
            }
        }
        int tidEnd = p + 1;
        int tidStart = digitsBack(line, tidEnd) + 1;
        if (tidStart == tidEnd || tidEnd - tidStart > 9) {
            return false;
        }
        int before = tidStart - 1;
        if (before >= 0 && line.charAt(before) == '/') {
            before = digitsBack(line, before);
        }
        if (before < 0 || !Character.isWhitespace(line.charAt(before))) {
            return false;
        }
        int tid = (int) decimal(line, tidStart, tidEnd);
        long fraction = decimal(line, dot + 1, fractionEnd);
        for (int digits = fractionEnd - dot - 1; digits < 9; digits++) {
            fraction *= 10;
        }
        long time = decimal(line, secondsStart, dot) * 1_000_000_000L + fraction;
        int q = event + RAW_EVENT.length();
        boolean enter = line.startsWith("enter: NR ", q);
        if (!enter && !line.startsWith("exit: NR ", q)) {
            return false;
        }
        q += enter ? 10 : 9;
        int numberEnd = signedDigitsEnd(line, q);
        if (numberEnd == q) {
            return false;
        }
        long number = signedDecimal(line, q, numberEnd);
        if (!enter) {
            if (!line.startsWith(" = ", numberEnd)) {
                return false;
            }
            int resultEnd = signedDigitsEnd(line, numberEnd + 3);
            if (resultEnd == numberEnd + 3 || !line.substring(resultEnd).isBlank()) {
                return false;
            }
            exit(tid, time, LinuxTables.syscallName(number), signedDecimal(line, numberEnd + 3, resultEnd));
            return true;
        }
        if (!line.startsWith(" (", numberEnd)) {
            return false;
        }
        int count = 0;
        q = numberEnd + 2;
        while (q < line.length() && line.charAt(q) != ')') {
            int hexEnd = q;
            long value = 0;
            for (int digit; hexEnd < line.length() && (digit = Character.digit(line.charAt(hexEnd), 16)) >= 0;
                 hexEnd++) {
                value = value << 4 | digit;
            }
            if (hexEnd == q || hexEnd - q > 16 || count == rawArguments.length) {
                return false;
            }
            rawArguments[count++] = value;
            q = hexEnd;
            if (line.startsWith(", ", q)) {
                q += 2;
            }
        }
        if (q >= line.length() || !line.substring(q + 1).isBlank()) {
            return false;
        }
        enterRaw(tid, time, number, rawArguments, count);
        return true;
    }

    /** The index before the digits that end just before {@code end}. */
    private static int digitsBack(String line, int end) {
        int p = end - 1;
        while (p >= 0 && line.charAt(p) >= '0' && line.charAt(p) <= '9') {
            p--;
        }
        return p;
    }

    private static int signedDigitsEnd(String line, int from) {
        int p = from < line.length() && line.charAt(from) == '-' ? from + 1 : from;
        int digits = p;
        while (p < line.length() && line.charAt(p) >= '0' && line.charAt(p) <= '9') {
            p++;
        }
        return p == digits || p - digits > 18 ? from : p;
    }

    private static long signedDecimal(String line, int from, int to) {
        return line.charAt(from) == '-' ? -decimal(line, from + 1, to) : decimal(line, from, to);
    }

    private static long decimal(String line, int from, int to) {
        long value = 0;
        for (int p = from; p < to; p++) {
            value = value * 10 + line.charAt(p) - '0';
        }
        return value;
    }

    private boolean rawExit(int tid, long time, String payload) {
        Matcher m = RAW_EXIT.matcher(payload);
        if (!m.matches()) {
            return false;
        }
        exit(tid, time, LinuxTables.syscallName(Long.parseLong(m.group(1))), Long.parseLong(m.group(2)));
        return true;
    }

    /** Fields are {@code name: 0xhex, ...}; the first is the descriptor when it is named like one. */
    private boolean namedEnter(int tid, long time, String name, String payload) {
        Matcher field = FIELD.matcher(payload);
        long first = -1;
        long mmapFd = -1;
        long length = 0;
        boolean firstIsFd = false;
        for (int i = 0; field.find(); i++) {
            long value = Long.parseUnsignedLong(field.group(2), 16);
            String key = field.group(1);
            if (i == 0) {
                first = value;
                firstIsFd = key.equals("fd") || key.equals("out_fd") || key.equals("fd_in") || key.equals("epfd");
            }
            if (key.equals("fd")) {
                mmapFd = value;
            } else if (key.equals("len")) {
                length = value;
            }
        }
        boolean mmap = SyscallCategory.of(name) == SyscallCategory.MMAP;
        enterNamed(tid, time, name, first, firstIsFd || mmap ? (mmap ? mmapFd : first) : -1, length);
        return true;
    }

    private boolean namedExit(int tid, long time, String name, String payload) {
        Matcher m = NAMED_EXIT.matcher(payload);
        if (!m.matches()) {
            return false;
        }
        exit(tid, time, name, Long.parseUnsignedLong(m.group(1), 16));
        return true;
    }

    private boolean uring(int tid, long time, String event, String payload) {
        switch (event) {
            case "io_uring_create", "io_uring_submit_req" -> tracepoint(tid, new SyscallEvent(tid, time,
                    SyscallEvent.NO_TIME, Kind.CALL, event, -1, FdKind.UNKNOWN, 0, null, FdKind.UNKNOWN, 0, null, clock));
            case "io_uring_complete" -> {
                Matcher result = URING_RESULT.matcher(payload);
                long value = result.find() ? Long.parseLong(result.group(1)) : 0;
                boolean failed = value < 0 && value >= -MAX_ERRNO;
                tracepoint(tid, new SyscallEvent(tid, time, SyscallEvent.NO_TIME, Kind.CALL, event, -1,
                        FdKind.UNKNOWN, failed ? -1 : value, failed ? LinuxTables.errnoName(-value) : null,
                        FdKind.UNKNOWN, 0, null, clock));
            }
            default -> {
                // io_uring_file_get and the rest add nothing the counts above do not already say.
            }
        }
        return true;
    }

    /** A raw enter knows the arguments but not what they mean: the name says which one is a descriptor. */
    private void enter(int tid, long time, String name, long first, long fifth, long second) {
        SyscallCategory category = SyscallCategory.of(name);
        long fd = switch (category) {
            case READ, WRITE, ZERO_COPY, ACCEPT, CONNECT, CONTROL, EPOLL_WAIT -> first;
            case MMAP -> fifth;
            default -> name.equals("close") || name.equals("epoll_ctl") || name.equals("io_uring_enter") ? first : -1;
        };
        enterNamed(tid, time, name, first, fd, second);
    }

    private void enterNamed(int tid, long time, String name, long first, long fd, long second) {
        int flags = clock;
        if (SyscallCategory.of(name) == SyscallCategory.SPAWN) {
            // clone3 passes its flags in memory perf does not show; glibc uses it only for threads.
            boolean thread = name.equals("clone3") || name.equals("clone") && (first & CLONE_THREAD) != 0;
            flags |= thread ? SyscallEvent.FLAG_CLONE_THREAD : 0;
        }
        long argument = SyscallCategory.of(name) == SyscallCategory.MMAP ? second : 0;
        Entered previous = open.put(tid, new Entered(name, time, (int) fd, argument, flags));
        if (previous != null) {
            close(tid, neverReturned(tid, previous));
        }
        if (name.equals("exit_group")) {
            close(tid, neverReturned(tid, open.remove(tid)));
            sink.accept(new SyscallEvent(tid, time, SyscallEvent.NO_TIME, Kind.EXIT, name, -1, FdKind.UNKNOWN,
                    (int) first, null, FdKind.UNKNOWN, 0, null, clock));
        }
    }

    private void exit(int tid, long time, String name, long result) {
        Entered call = open.get(tid);
        if (call != null && call.name.equals(name)) {
            open.remove(tid);
            close(tid, returned(tid, call.name, call.start, time - call.start, call.fd, call.argument, call.flags,
                    result));
            return;
        }
        if (SyscallCategory.of(name) == SyscallCategory.SPAWN && result == 0) {
            return; // the new task's side of fork or clone: strace shows only the parent's call
        }
        sink.accept(returned(tid, name, SyscallEvent.NO_TIME, SyscallEvent.NO_TIME, -1, 0, 0, result));
    }

    /** A tracepoint inside an open call waits for that call; any other is handed on now. */
    private void tracepoint(int tid, SyscallEvent event) {
        if (open.containsKey(tid)) {
            insideOpenCall.computeIfAbsent(tid, t -> new ArrayList<>()).add(event);
        } else {
            sink.accept(event);
        }
    }

    /** Hands on a call that has ended, then the tracepoints that fired inside it. */
    private void close(int tid, SyscallEvent call) {
        sink.accept(call);
        List<SyscallEvent> inside = insideOpenCall.remove(tid);
        if (inside != null) {
            inside.forEach(sink::accept);
        }
    }

    private static SyscallEvent returned(int tid, String name, long start, long duration, int fd, long argument,
                                         int flags, long result) {
        boolean failed = result < 0 && result >= -MAX_ERRNO;
        return new SyscallEvent(tid, start, duration, Kind.CALL, name, fd, FdKind.UNKNOWN, failed ? -1 : result,
                failed ? LinuxTables.errnoName(-result) : null, FdKind.UNKNOWN, argument, null, flags);
    }

    private static SyscallEvent neverReturned(int tid, Entered call) {
        return new SyscallEvent(tid, call.start, SyscallEvent.NO_TIME, Kind.CALL, call.name, call.fd, FdKind.UNKNOWN,
                0, null, FdKind.UNKNOWN, call.argument, null, call.flags | SyscallEvent.FLAG_NO_RESULT);
    }

    /** Seconds and their fraction (µs by default, ns with {@code perf script --ns}) to ns, without rounding. */
    private static long nanos(String seconds, String fraction) {
        long nanos = Long.parseLong(fraction);
        for (int digits = fraction.length(); digits < 9; digits++) {
            nanos *= 10;
        }
        return Long.parseLong(seconds) * 1_000_000_000L + nanos;
    }
}
