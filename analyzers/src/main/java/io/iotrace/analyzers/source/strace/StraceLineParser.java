package io.iotrace.analyzers.source.strace;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import io.iotrace.analyzers.event.SyscallEventBatch;
import io.iotrace.analyzers.source.SyscallLineParser;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Parses one strace output line straight from bytes into a {@link SyscallEventBatch}, no object per line.
 *
 * <p>It reads the head of the line (pid, timestamp, name, first argument) forwards and the tail (duration,
 * return value, errno) backwards, so long argument strings in between are never looked at. One instance per
 * thread: it keeps the interned names and the last problem.
 */
final class StraceLineParser implements SyscallLineParser {
    private static final byte[] UNFINISHED = ascii(" <unfinished ...>");
    /** What a fraction of a second with so many digits is multiplied by to give nanoseconds. */
    private static final long[] NANO_SCALE = {1_000_000_000L, 100_000_000L, 10_000_000L, 1_000_000L, 100_000L,
            10_000L, 1_000L, 100L, 10L, 1L};
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};
    private static final byte[] RESUMING = ascii("<... resuming interrupted ");
    private static final byte[] CLONE_THREAD = ascii("CLONE_THREAD");
    private static final byte[] EXITED_WITH = ascii("exited with ");
    private static final byte[] EXIT_PREFIX = ascii("+++ ");
    private static final byte[] FASYNC = ascii("FASYNC");
    private static final byte[] FIOASYNC = ascii("FIOASYNC");
    private static final byte[] F_SETFL = ascii("F_SETFL");
    private static final byte[] F_SETOWN = ascii("F_SETOWN");
    private static final byte[] F_SETSIG = ascii("F_SETSIG");
    private static final byte[] KILLED_BY = ascii("killed by ");
    private static final byte[] NULL_SETS = ascii(", NULL");
    private static final byte[] ONE_DESCRIPTOR = ascii("1,");
    private static final byte[] PID_PREFIX = ascii("[pid ");
    private static final byte[] POLL_ARRAY_END = ascii("}], ");
    private static final byte[] POLL_ARRAY_START = ascii("[{fd=");
    private static final byte[] RESUMED = ascii(" resumed>");
    private static final byte[] RESUMED_PREFIX = ascii("<... ");
    private static final byte[] SIGNAL_PREFIX = ascii("--- ");
    private static final byte[] SI_FD = ascii("si_fd=");
    private static final byte[] STOPPED_BY = ascii("stopped by ");
    private static final byte[] UNAVAILABLE = ascii("<unavailable>");
    /** The categories whose arguments say something the analysis needs (see {@link #finishedWithArguments}). */
    private static final Set<SyscallCategory> READS_ARGUMENTS = EnumSet.of(SyscallCategory.MMAP,
            SyscallCategory.POLL, SyscallCategory.SELECT, SyscallCategory.SPAWN, SyscallCategory.CONTROL);

    private final NameInterner names = new NameInterner();
    /** The thread of a line without a pid: that of the {@code -ff} file's name. */
    private final int fileTid;
    private String problem;

    // Fields of the line being parsed, reset by parse().
    private byte[] b;
    private int end;
    private int pos;
    private int tid;
    private long start;
    private int timeFlags;
    private SyscallCategory category;
    private SyscallEventBatch out;
    private final SyscallEventBatch single = new SyscallEventBatch(1);
    /** Where the last {@link #decimal} or {@link #fraction} stopped: numbers are read in one pass, not scanned twice. */
    private int scanEnd;

    /** @param fileTid the thread id of lines without a pid prefix */
    StraceLineParser(int fileTid) {
        this.fileTid = fileTid;
    }

    @Override
    public String problem() {
        return problem;
    }

    /**
     * Parses {@code bytes[from, to)}, a line without its newline, as a record: for callers that want one line.
     *
     * @return the event, or null when the line is malformed (see {@link #problem()})
     */
    SyscallEvent parse(byte[] bytes, int from, int to) {
        single.clear();
        return parse(bytes, from, to, single) ? single.event(0) : null;
    }

    @Override
    public boolean parse(byte[] bytes, int from, int to, SyscallEventBatch events) {
        out = events;
        b = bytes;
        pos = from;
        end = to;
        while (end > pos && (b[end - 1] == '\r' || b[end - 1] == ' ')) {
            end--;
        }
        problem = null;
        tid = fileTid;
        start = SyscallEvent.NO_TIME;
        timeFlags = 0;
        if (pos >= end) {
            return fail("empty line");
        }
        if (!readPrefix() || !readTimestamp()) {
            return false;
        }
        if (pos >= end) {
            return fail("nothing after the timestamp");
        }
        byte c = b[pos];
        if (c == '-' && startsWith(pos, SIGNAL_PREFIX)) {
            return signal();
        }
        if (c == '+' && startsWith(pos, EXIT_PREFIX)) {
            return exit();
        }
        if (c == '<' && startsWith(pos, RESUMED_PREFIX)) {
            return resumed();
        }
        return call();
    }

    private boolean fail(String why) {
        problem = why;
        return false;
    }

    private boolean emit(long duration, Kind kind, String name, int fd, FdKind fdKind, long result, String errno,
                         FdKind resultFdKind, long argument, String text, int flags) {
        out.add(tid, start, duration, kind, name, fd, fdKind, result, errno, resultFdKind, argument, text, flags);
        return true;
    }

    /** The pid column of {@code -f -o} ({@code 1234 }), of stderr ({@code [pid  1234] }) and {@code -Y} names. */
    private boolean readPrefix() {
        if (b[pos] == '[' && startsWith(pos, PID_PREFIX)) {
            int p = skipSpaces(pos + 5);
            int digitsEnd = digitsEnd(p);
            if (digitsEnd == p || digitsEnd >= end || b[digitsEnd] != ']') {
                problem = "unreadable [pid N] prefix";
                return false;
            }
            tid = (int) parseDecimal(p, digitsEnd);
            pos = skipSpaces(digitsEnd + 1);
            return true;
        }
        long pid = decimal(pos);
        int digitsEnd = scanEnd;
        if (digitsEnd == pos || digitsEnd >= end) {
            return true;
        }
        byte next = b[digitsEnd];
        if (next == ' ') {
            tid = (int) pid;
            pos = skipSpaces(digitsEnd);
        } else if (next == '<') {
            // -Y: the thread name, cut to 15 characters, may itself hold '>' or spaces; it ends at the first "> ".
            tid = (int) pid;
            int p = digitsEnd + 1;
            while (p + 1 < end && !(b[p] == '>' && b[p + 1] == ' ')) {
                p++;
            }
            if (p + 1 >= end) {
                problem = "unterminated thread name after the pid";
                return false;
            }
            pos = skipSpaces(p + 1);
        }
        return true;
    }

    /** {@code -t} 22:34:22, {@code -tt} 22:34:18.418730, {@code -ttt} epoch seconds with µs or ns. */
    private boolean readTimestamp() {
        long leading = decimal(pos);
        int digitsEnd = scanEnd;
        if (digitsEnd == pos || digitsEnd >= end) {
            return true;
        }
        byte next = b[digitsEnd];
        long seconds;
        int p;
        if (next == ':') {
            long minutes = decimal(digitsEnd + 1);
            int minutesEnd = scanEnd;
            if (minutesEnd >= end || b[minutesEnd] != ':') {
                problem = "unreadable time of day";
                return false;
            }
            seconds = leading * 3600 + minutes * 60 + decimal(minutesEnd + 1);
            timeFlags = SyscallEvent.FLAG_TIME_OF_DAY;
            p = scanEnd;
        } else if (next == '.') {
            seconds = leading;
            p = digitsEnd;
        } else {
            return true;
        }
        long nanos = 0;
        if (p < end && b[p] == '.') {
            nanos = fraction(p + 1);
            p = scanEnd;
        }
        if (p >= end || b[p] != ' ') {
            problem = "timestamp not followed by a space";
            return false;
        }
        start = seconds * 1_000_000_000L + nanos;
        pos = skipSpaces(p);
        return true;
    }

    private boolean signal() {
        int p = pos + 4;
        if (startsWith(p, STOPPED_BY)) {
            p += 11;
        }
        int nameEnd = tokenEnd(p);
        if (nameEnd == p) {
            return fail("signal line without a signal name");
        }
        String name = names.intern(b, p, nameEnd);
        int fd = -1;
        FdKind kind = FdKind.UNKNOWN;
        int siFd = indexOf(SI_FD, nameEnd, end);
        if (siFd >= 0) {
            int digits = siFd + 6;
            int digitsEnd = digitsEnd(digits);
            fd = (int) parseDecimal(digits, digitsEnd);
            if (digitsEnd < end && b[digitsEnd] == '<') {
                int close = decorationEnd(digitsEnd);
                kind = FdKind.ofDecoration(b, digitsEnd + 1, close);
            }
        }
        return emit(SyscallEvent.NO_TIME, Kind.SIGNAL, name, fd, kind, 0, null,
                FdKind.UNKNOWN, 0, null, timeFlags);
    }

    private boolean exit() {
        int p = pos + 4;
        if (startsWith(p, EXITED_WITH)) {
            p += 12;
            int digitsEnd = digitsEnd(p);
            if (digitsEnd == p) {
                return fail("exit line without a status");
            }
            return emit(SyscallEvent.NO_TIME, Kind.EXIT, "exit", -1, FdKind.UNKNOWN,
                    parseDecimal(p, digitsEnd), null, FdKind.UNKNOWN, 0, null, timeFlags);
        }
        if (startsWith(p, KILLED_BY)) {
            p += 10;
            int nameEnd = tokenEnd(p);
            return emit(SyscallEvent.NO_TIME, Kind.KILLED, names.intern(b, p, nameEnd),
                    -1, FdKind.UNKNOWN, 0, null, FdKind.UNKNOWN, 0, null, timeFlags);
        }
        return fail("unknown +++ line");
    }

    private boolean resumed() {
        int p = pos + 5;
        int nameEnd = nameEnd(p);
        if (nameEnd == p || !startsWith(nameEnd, RESUMED)) {
            return fail("unreadable <... resumed> line");
        }
        String name = names.intern(b, p, nameEnd);
        category = names.lastCategory();
        pos = nameEnd + RESUMED.length;
        return finished(Kind.RESUMED, name, -1, FdKind.UNKNOWN);
    }

    private boolean call() {
        int p = pos;
        int nameEnd = nameEnd(p);
        if (nameEnd == p || nameEnd >= end || b[nameEnd] != '(') {
            return fail("expected a syscall name and '('");
        }
        String name = names.intern(b, p, nameEnd);
        if ("restart_syscall".equals(name) && startsWith(nameEnd + 1, RESUMING)) {
            // The kernel restarts the interrupted call: its result and time belong to that call.
            int resumedName = nameEnd + 1 + RESUMING.length;
            int resumedEnd = nameEnd(resumedName);
            if (resumedEnd > resumedName) {
                name = names.intern(b, resumedName, resumedEnd);
            }
        }
        category = names.lastCategory();
        pos = nameEnd + 1;
        int fd = -1;
        FdKind fdKind = FdKind.UNKNOWN;
        long firstNumber = decimal(pos);
        int digitsEnd = scanEnd;
        if (digitsEnd > pos && digitsEnd < end) {
            byte after = b[digitsEnd];
            if (after == ',' || after == ')' || after == '<') {
                fd = (int) firstNumber;
                if (after == '<') {
                    fdKind = FdKind.ofDecoration(b, digitsEnd + 1, decorationEnd(digitsEnd));
                }
            }
        }
        if (endsWith(UNFINISHED)) {
            if (READS_ARGUMENTS.contains(category)) {
                return unfinishedWithArguments(name, fd, fdKind);
            }
            return emit(SyscallEvent.NO_TIME, Kind.UNFINISHED, name, fd, fdKind, 0, null, FdKind.UNKNOWN, 0, null,
                    timeFlags);
        }
        return finished(Kind.CALL, name, fd, fdKind);
    }

    /**
     * Under -f most waits are split by other threads' lines: the watched descriptor of a one-descriptor poll (a JDK
     * timed read) is only on this half.
     */
    private boolean unfinishedWithArguments(String name, int fd, FdKind fdKind) {
        int flags = timeFlags | callFlags(end);
        int watched = category == SyscallCategory.POLL || category == SyscallCategory.SELECT
                ? singleWatchedFd(category, end - UNFINISHED.length) : -1;
        if (watched >= 0) {
            flags |= SyscallEvent.FLAG_SINGLE_FD_WAIT;
        }
        return emit(SyscallEvent.NO_TIME, Kind.UNFINISHED, name, fd, fdKind, 0, null,
                FdKind.UNKNOWN, Math.max(watched, 0), null, flags);
    }

    /** Reads {@code ...) = ret [ERRNO (text)] [<duration>]} from the end of the line. */
    private boolean finished(Kind kind, String name, int fd, FdKind fdKind) {
        int tail = end;
        long duration = SyscallEvent.NO_TIME;
        if (b[tail - 1] == '>') {
            int open = lastIndexOf((byte) '<', pos, tail - 1);
            long nanos = open > 0 && b[open - 1] == ' ' ? durationNanos(open + 1, tail - 1) : -1;
            if (nanos >= 0) {
                duration = nanos;
                tail = open - 1;
            } else if (open > 0 && b[open - 1] == ' ' && startsWith(open, UNAVAILABLE)) {
                tail = open - 1;
            }
        }
        int equals = returnEquals(tail);
        if (equals < 0) {
            return fail(kind == Kind.RESUMED ? "resumed call without a return value" : "call without a return value");
        }
        int argsEnd = equals - 1;
        while (argsEnd > pos && b[argsEnd] == ' ') {
            argsEnd--;
        }
        int p = equals + 2;
        int flags = timeFlags;
        long result = 0;
        FdKind resultKind = FdKind.UNKNOWN;
        if (p < tail && b[p] == '?') {
            flags |= SyscallEvent.FLAG_NO_RESULT;
            p++;
        } else {
            if (p < tail && b[p] >= '1' && b[p] <= '9') {
                // Most results: a plain count or descriptor, read in one pass.
                result = decimal(p);
                p = Math.min(scanEnd, tail);
            } else {
                int numberEnd = numberEnd(p, tail);
                if (numberEnd == p) {
                    return fail("unreadable return value");
                }
                result = parseNumber(p, numberEnd);
                p = numberEnd;
            }
            if (p < tail && b[p] == '<') {
                int close = decorationEnd(p);
                resultKind = FdKind.ofDecoration(b, p + 1, close);
                p = Math.min(close + 1, tail);
            }
        }
        String errno = null;
        if (p + 1 < tail && b[p] == ' ' && b[p + 1] == 'E') {
            int errnoEnd = tokenEnd(p + 1);
            errno = names.intern(b, p + 1, errnoEnd);
        }
        if (READS_ARGUMENTS.contains(category) || isExecveWithPath(kind, name)) {
            return finishedWithArguments(kind, name, fd, fdKind, argsEnd, duration, result, errno, resultKind, flags);
        }
        return emit(duration, kind, name, fd, fdKind, result, errno, resultKind, 0, null, flags);
    }

    /**
     * The few calls whose arguments the analysis needs: kept out of {@link #finished}, which every line passes
     * through, so that the compiler keeps that one small (inlined whole, it took seconds to compile).
     */
    private boolean finishedWithArguments(Kind kind, String name, int fd, FdKind fdKind, int argsEnd, long duration,
                                          long result, String errno, FdKind resultKind, int flags) {
        if (category == SyscallCategory.MMAP && kind == Kind.CALL) {
            return mmap(name, argsEnd, duration, result, errno, flags);
        }
        int argument = 0;
        String text = null;
        if (category == SyscallCategory.POLL || category == SyscallCategory.SELECT) {
            int watched = singleWatchedFd(category, argsEnd);
            if (watched >= 0) {
                flags |= SyscallEvent.FLAG_SINGLE_FD_WAIT;
                argument = watched;
            }
        }
        if (isExecveWithPath(kind, name)) {
            int close = indexOf((byte) '"', pos + 1, argsEnd);
            if (close > 0) {
                text = new String(b, pos + 1, close - pos - 1, StandardCharsets.UTF_8);
            }
        }
        flags |= callFlags(argsEnd);
        return emit(duration, kind, name, fd, fdKind, result, errno, resultKind, argument, text, flags);
    }

    /**
     * The {@code =} before the return value: the last {@code "= "} preceded by spaces and the closing parenthesis
     * (strace pads short calls so that results line up in a column).
     */
    private int returnEquals(int tail) {
        for (int p = tail - 2; p > pos; p--) {
            if (b[p] != '=' || b[p + 1] != ' ' || b[p - 1] != ' ') {
                continue;
            }
            int q = p - 1;
            while (q > pos && b[q] == ' ') {
                q--;
            }
            if (b[q] == ')') {
                return p;
            }
        }
        return -1;
    }

    /** Flags that need a look into the arguments, only for the few calls that have them. */
    private int callFlags(int argsEnd) {
        switch (category) {
            case SPAWN:
                return indexOf(CLONE_THREAD, pos, argsEnd) >= 0 ? SyscallEvent.FLAG_CLONE_THREAD : 0;
            case CONTROL:
                boolean async = indexOf(F_SETOWN, pos, argsEnd) >= 0 || indexOf(F_SETSIG, pos, argsEnd) >= 0
                        || (indexOf(F_SETFL, pos, argsEnd) >= 0 && indexOf(FASYNC, pos, argsEnd) >= 0)
                        || indexOf(FIOASYNC, pos, argsEnd) >= 0;
                return async ? SyscallEvent.FLAG_ASYNC_SETUP : 0;
            default:
                return 0;
        }
    }

    /** An execve whose first argument, the program's path, is printed: the program's name comes from it. */
    private boolean isExecveWithPath(Kind kind, String name) {
        return b[pos] == '"' && kind == Kind.CALL && "execve".equals(name);
    }

    /** {@code mmap(addr, length, prot, flags, fd, offset)}: the length and the mapped descriptor. */
    private boolean mmap(String name, int argsEnd, long duration, long result, String errno, int flags) {
        int[] commas = new int[5];
        int found = 0;
        int depth = 0;
        for (int p = pos; p < argsEnd && found < 5; p++) {
            byte c = b[p];
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas[found++] = p;
            }
        }
        if (found < 5) {
            return fail("mmap with fewer than six arguments");
        }
        int lengthStart = skipSpaces(commas[0] + 1);
        long length = parseNumber(lengthStart, numberEnd(lengthStart, commas[1]));
        int fdStart = skipSpaces(commas[3] + 1);
        int fdEnd = numberEnd(fdStart, commas[4]);
        int fd = fdEnd > fdStart ? (int) parseNumber(fdStart, fdEnd) : -1;
        FdKind kind = FdKind.UNKNOWN;
        if (fdEnd < commas[4] && b[fdEnd] == '<') {
            kind = FdKind.ofDecoration(b, fdEnd + 1, decorationEnd(fdEnd));
        }
        return emit(duration, Kind.CALL, name, fd, kind, result, errno, FdKind.UNKNOWN,
                length, null, flags);
    }

    /**
     * The one descriptor a {@code poll([{fd=N, ...}], 1, ...)} or {@code pselect6(n, [N], NULL, NULL, ...)}
     * waits for, or -1 when it waits for several.
     */
    private int singleWatchedFd(SyscallCategory category, int argsEnd) {
        if (category == SyscallCategory.POLL) {
            if (!startsWith(pos, POLL_ARRAY_START)) {
                return -1;
            }
            int close = indexOf(POLL_ARRAY_END, pos, argsEnd);
            if (close < 0 || !startsWith(close + 4, ONE_DESCRIPTOR) && !(close + 5 == argsEnd && b[close + 4] == '1')) {
                return -1;
            }
            int digits = pos + 5;
            return (int) parseDecimal(digits, digitsEnd(digits));
        }
        int set = indexOf((byte) '[', pos, argsEnd);
        if (set < 0) {
            return -1;
        }
        int digits = set + 1;
        int digitsEnd = digitsEnd(digits);
        if (digitsEnd == digits) {
            return -1;
        }
        int p = digitsEnd;
        if (p < argsEnd && b[p] == '<') {
            p = decorationEnd(p) + 1;
        }
        if (p >= argsEnd || b[p] != ']' || !startsWith(p + 1, NULL_SETS)) {
            return -1;
        }
        return (int) parseDecimal(digits, digitsEnd);
    }

    // Byte helpers. Every scan stays inside [pos, end).

    /** The index of the '>' closing the decoration that opens at {@code open}, nested ones included. */
    private int decorationEnd(int open) {
        int depth = 0;
        for (int p = open; p < end; p++) {
            if (b[p] == '<') {
                depth++;
            } else if (b[p] == '>' && --depth == 0) {
                return p;
            }
        }
        return end;
    }

    /** {@code seconds.fraction} filling exactly {@code [from, to)}, in nanoseconds; -1 when it is not that. */
    private long durationNanos(int from, int to) {
        long seconds = decimal(from);
        int dot = scanEnd;
        if (dot == from || dot >= to || b[dot] != '.') {
            return -1;
        }
        long nanos = fraction(dot + 1);
        return scanEnd == to ? seconds * 1_000_000_000L + nanos : -1;
    }

    /** The decimal digits at {@code from}; {@link #scanEnd} is set to where they end. */
    private long decimal(int from) {
        long value = 0;
        int p = from;
        while (p + Long.BYTES <= end) {
            long word = AsciiDigits.word(b, p);
            int digits = AsciiDigits.leading(word);
            if (digits == 0) {
                scanEnd = p;
                return value;
            }
            value = value * POWERS_OF_TEN[digits] + AsciiDigits.value(word, digits);
            p += digits;
            if (digits < Long.BYTES) {
                scanEnd = p;
                return value;
            }
        }
        for (; p < end; p++) {
            int digit = b[p] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
        }
        scanEnd = p;
        return value;
    }

    /** The digits after a decimal point at {@code from} as nanoseconds; {@link #scanEnd} is set to their end. */
    private long fraction(int from) {
        if (from + Long.BYTES <= end) {
            long word = AsciiDigits.word(b, from);
            int digits = AsciiDigits.leading(word);
            if (digits < Long.BYTES) {
                scanEnd = from + digits;
                return digits == 0 ? 0 : AsciiDigits.value(word, digits) * NANO_SCALE[digits];
            }
        }
        long value = 0;
        int p = from;
        int significant = Math.min(end, from + 9);
        for (; p < significant; p++) {
            int digit = b[p] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
        }
        long nanos = value * NANO_SCALE[p - from];
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        scanEnd = p;
        return nanos;
    }

    private int digitsEnd(int from) {
        int p = from;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    /** The end of a decimal ({@code -1}, {@code 42}) or hex ({@code 0x7f00}) number. */
    private int numberEnd(int from, int to) {
        int p = from;
        if (p < to && b[p] == '-') {
            p++;
        }
        if (p + 1 < to && b[p] == '0' && b[p + 1] == 'x') {
            p += 2;
            while (p < to && hexDigit(b[p]) >= 0) {
                p++;
            }
            return p;
        }
        int digitsEnd = p;
        while (digitsEnd < to && b[digitsEnd] >= '0' && b[digitsEnd] <= '9') {
            digitsEnd++;
        }
        return digitsEnd == p ? from : digitsEnd;
    }

    private long parseNumber(int from, int to) {
        boolean negative = b[from] == '-';
        int p = negative ? from + 1 : from;
        long value = 0;
        if (p + 1 < to && b[p] == '0' && b[p + 1] == 'x') {
            for (p += 2; p < to; p++) {
                value = (value << 4) | hexDigit(b[p]);
            }
        } else {
            value = parseDecimal(p, to);
        }
        return negative ? -value : value;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private long parseDecimal(int from, int to) {
        long value = 0;
        for (int p = from; p < to; p++) {
            value = value * 10 + (b[p] - '0');
        }
        return value;
    }

    private int nameEnd(int from) {
        int p = from;
        while (p < end) {
            byte c = b[p];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z')) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    private int tokenEnd(int from) {
        int p = from;
        while (p < end && b[p] != ' ') {
            p++;
        }
        return p;
    }

    private int skipSpaces(int from) {
        int p = from;
        while (p < end && b[p] == ' ') {
            p++;
        }
        return p;
    }

    private boolean startsWith(int at, byte[] prefix) {
        if (at + prefix.length > end) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Compares from the last byte: asked of every call line, it should fail at once on the usual {@code >}. */
    private boolean endsWith(byte[] suffix) {
        int from = end - suffix.length;
        if (from < pos) {
            return false;
        }
        for (int i = suffix.length - 1; i >= 0; i--) {
            if (b[from + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte c, int from, int to) {
        for (int p = from; p < to; p++) {
            if (b[p] == c) {
                return p;
            }
        }
        return -1;
    }

    private int indexOf(byte[] needle, int from, int to) {
        int last = to - needle.length;
        byte first = needle[0];
        for (int p = from; p <= last; p++) {
            if (b[p] == first && startsWith(p, needle)) {
                return p;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private int lastIndexOf(byte c, int from, int to) {
        for (int p = to - 1; p >= from; p--) {
            if (b[p] == c) {
                return p;
            }
        }
        return -1;
    }
}
