package io.iotrace.analyzers.source.perf;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.LinuxTables;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import io.iotrace.analyzers.event.SyscallEventBatch;
import io.iotrace.analyzers.source.SyscallLineParser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of {@code perf script} output of syscall tracepoints into half a call: an enter is an
 * {@link Kind#UNFINISHED} event with the call's arguments, an exit a {@link Kind#RESUMED} one with its result (the
 * kernel's: an error is minus its errno), an io_uring tracepoint a whole {@link Kind#CALL}. {@link PerfCallPairing}
 * joins each thread's halves, on the partition's worker, in log order. The forms:
 * <ul>
 * <li>{@code raw_syscalls:sys_enter: NR 0 (3, 7ffc..., 40, ...)} and {@code raw_syscalls:sys_exit: NR 0 = -11}:
 * x86_64 syscall numbers, named through {@link LinuxTables}; arguments in hex, the result in decimal;</li>
 * <li>{@code syscalls:sys_enter_read: fd: 0x00000003, ...} and {@code syscalls:sys_exit_read: 0x5}: named, the
 * result in hex (an error is its two's complement);</li>
 * <li>{@code io_uring:io_uring_create}, {@code io_uring_submit_req} and {@code io_uring_complete}: the operations
 * strace cannot see inside {@code io_uring_enter}, each an event named after its tracepoint
 * ({@link SyscallCategory#IO_URING}), which is what makes a process {@code async}.</li>
 * </ul>
 * Other events in the same output (sched, signal, ...) and header lines ({@code #}) add nothing. Descriptors carry
 * no labels here: every fd is {@link FdKind#UNKNOWN}. Timestamps are kept as perf prints them, in seconds of the
 * clock perf recorded with ({@link PerfScriptFormat}).
 */
final class PerfScriptLineParser implements SyscallLineParser {
    /** comm (which may hold spaces), tid or pid/tid, optional [cpu], seconds, optional period, event, payload. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*?)\\s+(?:\\d+/)?(\\d+)\\s+(?:\\[\\d+\\]\\s+)?(\\d+)\\.(\\d+):\\s+(?:\\d+\\s+)?([\\w-]+):([\\w-]+):\\s?(.*)$");
    private static final Pattern RAW_ENTER = Pattern.compile("^NR (-?\\d+) \\(([^)]*)\\)\\s*$");
    private static final Pattern RAW_EXIT = Pattern.compile("^NR (-?\\d+) = (-?\\d+)\\s*$");
    private static final Pattern NAMED_EXIT = Pattern.compile("^0x([0-9a-f]+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("(\\w+): (?:0x)?([0-9a-f]+)");
    private static final Pattern URING_RESULT = Pattern.compile("\\bresult (-?\\d+)");
    private static final byte[] RAW_EVENT = " raw_syscalls:sys_".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTER_NR = "enter: NR ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIT_NR = "exit: NR ".getBytes(StandardCharsets.US_ASCII);
    private static final long CLONE_THREAD = 0x10000;
    /** The kernel returns errors as -1 .. -4095. */
    static final long MAX_ERRNO = 4095;

    /** The clock bit of every stamp, from the header ({@link PerfScriptFormat#clockOf}). */
    private final int clock;
    /** The arguments of the raw enter being read: six on x86_64. */
    private final long[] rawArguments = new long[6];
    private SyscallEventBatch out;
    private byte[] b;
    private int end;

    PerfScriptLineParser(int clock) {
        this.clock = clock;
    }

    @Override
    public String problem() {
        return "not a perf script tracepoint line";
    }

    @Override
    public boolean parse(byte[] bytes, int from, int to, SyscallEventBatch events) {
        out = events;
        b = bytes;
        end = to;
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\r' || b[end - 1] == '\t')) {
            end--;
        }
        int first = from;
        while (first < end && (b[first] == ' ' || b[first] == '\t')) {
            first++;
        }
        if (first == end || b[first] == '#') {
            return true;
        }
        return rawLine(from) || regularLine(new String(b, from, end - from, StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads the usual {@code comm tid [cpu] seconds.fraction: raw_syscalls:sys_enter: NR n (hex, ...)} and
     * {@code ...: raw_syscalls:sys_exit: NR n = result} by hand, from the tracepoint's name outwards: the regular
     * expressions cost about ten times what reading the line does. Anything else (another event, a period column,
     * a line cut short) is left to them.
     *
     * @return false when the line is not of that form
     */
    private boolean rawLine(int from) {
        int event = indexOf(RAW_EVENT, from);
        if (event < 0) {
            return false;
        }
        int p = event - 1;
        while (p >= from && b[p] == ' ') {
            p--;
        }
        if (p < from || b[p] != ':') {
            return false;
        }
        int fractionEnd = p;
        int dot = digitsBack(from, fractionEnd);
        if (dot == fractionEnd - 1 || dot < from || b[dot] != '.' || fractionEnd - dot - 1 > 9) {
            return false;
        }
        int secondsStart = digitsBack(from, dot) + 1;
        if (secondsStart == dot || secondsStart == from || b[secondsStart - 1] != ' ') {
            return false;
        }
        p = secondsStart - 1;
        while (p >= from && b[p] == ' ') {
            p--;
        }
        if (p >= from && b[p] == ']') {
            int open = digitsBack(from, p);
            if (open < from || b[open] != '[') {
                return false;
            }
            p = open - 1;
            while (p >= from && b[p] == ' ') {
                p--;
            }
        }
        int tidEnd = p + 1;
        int tidStart = digitsBack(from, tidEnd) + 1;
        if (tidStart == tidEnd || tidEnd - tidStart > 9) {
            return false;
        }
        int before = tidStart - 1;
        if (before >= from && b[before] == '/') {
            before = digitsBack(from, before);
        }
        if (before < from || !(b[before] == ' ' || b[before] == '\t')) {
            return false;
        }
        int tid = (int) decimal(tidStart, tidEnd);
        long fraction = decimal(dot + 1, fractionEnd);
        for (int digits = fractionEnd - dot - 1; digits < 9; digits++) {
            fraction *= 10;
        }
        long time = decimal(secondsStart, dot) * 1_000_000_000L + fraction;
        int q = event + RAW_EVENT.length;
        boolean enter = startsWith(q, ENTER_NR);
        if (!enter && !startsWith(q, EXIT_NR)) {
            return false;
        }
        q += enter ? ENTER_NR.length : EXIT_NR.length;
        int numberEnd = signedDigitsEnd(q);
        if (numberEnd == q) {
            return false;
        }
        long number = signedDecimal(q, numberEnd);
        if (!enter) {
            if (numberEnd + 3 > end || b[numberEnd] != ' ' || b[numberEnd + 1] != '=' || b[numberEnd + 2] != ' ') {
                return false;
            }
            int resultEnd = signedDigitsEnd(numberEnd + 3);
            if (resultEnd == numberEnd + 3 || resultEnd != end) {
                return false;
            }
            exit(tid, time, LinuxTables.syscallName(number), signedDecimal(numberEnd + 3, resultEnd));
            return true;
        }
        if (numberEnd + 2 > end || b[numberEnd] != ' ' || b[numberEnd + 1] != '(') {
            return false;
        }
        int count = 0;
        q = numberEnd + 2;
        while (q < end && b[q] != ')') {
            int hexEnd = q;
            long value = 0;
            for (int digit; hexEnd < end && (digit = Character.digit(b[hexEnd], 16)) >= 0; hexEnd++) {
                value = value << 4 | digit;
            }
            if (hexEnd == q || hexEnd - q > 16 || count == rawArguments.length) {
                return false;
            }
            rawArguments[count++] = value;
            q = hexEnd;
            if (q + 1 < end && b[q] == ',' && b[q + 1] == ' ') {
                q += 2;
            }
        }
        if (q + 1 != end) {
            return false;
        }
        enterRaw(tid, time, number, rawArguments, count);
        return true;
    }

    /** Every other form, by regular expressions. */
    private boolean regularLine(String line) {
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
        SyscallCategory category = SyscallCategory.of(name);
        boolean mmap = category == SyscallCategory.MMAP;
        enter(tid, time, name, category, first, firstIsFd || mmap ? (mmap ? mmapFd : first) : -1, length);
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
            case "io_uring_create", "io_uring_submit_req" -> out.add(tid, time, SyscallEvent.NO_TIME, Kind.CALL,
                    event, -1, FdKind.UNKNOWN, 0, null, FdKind.UNKNOWN, 0, null, clock);
            case "io_uring_complete" -> {
                Matcher result = URING_RESULT.matcher(payload);
                long value = result.find() ? Long.parseLong(result.group(1)) : 0;
                boolean failed = value < 0 && value >= -MAX_ERRNO;
                out.add(tid, time, SyscallEvent.NO_TIME, Kind.CALL, event, -1, FdKind.UNKNOWN, failed ? -1 : value,
                        failed ? LinuxTables.errnoName(-value) : null, FdKind.UNKNOWN, 0, null, clock);
            }
            default -> {
                // io_uring_file_get and the rest add nothing the counts above do not already say.
            }
        }
        return true;
    }

    private void enterRaw(int tid, long time, long number, long[] args, int count) {
        String name = LinuxTables.syscallName(number);
        SyscallCategory category = SyscallCategory.of(name);
        long first = count > 0 ? args[0] : -1;
        // A raw enter knows the arguments but not what they mean: the name says which one is a descriptor.
        long fd = switch (category) {
            case READ, WRITE, ZERO_COPY, ACCEPT, CONNECT, CONTROL, EPOLL_WAIT -> first;
            case MMAP -> count > 4 ? args[4] : -1;
            default -> name.equals("close") || name.equals("epoll_ctl") || name.equals("io_uring_enter") ? first : -1;
        };
        enter(tid, time, name, category, first, fd, count > 1 ? args[1] : 0);
    }

    /** The enter half: its first argument goes in the result column, the exit status of an exit_group. */
    private void enter(int tid, long time, String name, SyscallCategory category, long first, long fd,
                       long second) {
        int flags = clock;
        if (category == SyscallCategory.SPAWN) {
            // clone3 passes its flags in memory perf does not show; glibc uses it only for threads.
            boolean thread = name.equals("clone3") || name.equals("clone") && (first & CLONE_THREAD) != 0;
            flags |= thread ? SyscallEvent.FLAG_CLONE_THREAD : 0;
        }
        long argument = category == SyscallCategory.MMAP ? second : 0;
        out.add(tid, time, SyscallEvent.NO_TIME, Kind.UNFINISHED, name, (int) fd, FdKind.UNKNOWN, first, null,
                FdKind.UNKNOWN, argument, null, flags);
    }

    private void exit(int tid, long time, String name, long result) {
        out.add(tid, time, SyscallEvent.NO_TIME, Kind.RESUMED, name, -1, FdKind.UNKNOWN, result, null,
                FdKind.UNKNOWN, 0, null, clock);
    }

    private int indexOf(byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean startsWith(int at, byte[] prefix) {
        return at + prefix.length <= end && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** The index before the digits that end just before {@code to}, or {@code from - 1}. */
    private int digitsBack(int from, int to) {
        int p = to - 1;
        while (p >= from && b[p] >= '0' && b[p] <= '9') {
            p--;
        }
        return p;
    }

    private int signedDigitsEnd(int from) {
        int p = from < end && b[from] == '-' ? from + 1 : from;
        int digits = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p == digits || p - digits > 18 ? from : p;
    }

    private long signedDecimal(int from, int to) {
        return b[from] == '-' ? -decimal(from + 1, to) : decimal(from, to);
    }

    private long decimal(int from, int to) {
        long value = 0;
        for (int p = from; p < to; p++) {
            value = value * 10 + b[p] - '0';
        }
        return value;
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
