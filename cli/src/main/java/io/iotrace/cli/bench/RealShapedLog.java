package io.iotrace.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A big strace log with the shape of real ones: the corpus's real-program logs ({@code strace -f -ttt -T -yy}),
 * laid end to end and repeated until the size is reached. Each copy of a program gets pids of its own and starts
 * where the previous one ended, so that the big log reads like one long trace of many programs run one after the
 * other: its threads interleave, start and exit as in the real logs, and no thread of one copy is taken for one of
 * another. A generated log has none of that shape (a few threads, no interleaving), and the parse's time and
 * memory grow with exactly that.
 *
 * <p>A pid is shifted wherever the log names one: the line's own, the results of clone, fork, vfork, wait4,
 * getpid, gettid and set_tid_address, the pid arguments of kill, tkill, tgkill and wait4, {@code si_pid} of a
 * signal, and {@code /proc/PID/} in a path.
 */
final class RealShapedLog {
    /** Wider than the span of pids in any corpus log: the copies of one pass never share a pid with the next. */
    private static final int PID_STRIDE = 32768;
    /** A second between two programs, as between two runs of a real trace. */
    private static final long GAP_MICROS = 1_000_000;
    /** Where the big log's clock starts (-ttt seconds since the epoch, in 2027). */
    private static final long FIRST_MICROS = 1_800_000_000L * 1_000_000;

    private final List<Path> logs;

    private RealShapedLog(List<Path> logs) {
        this.logs = logs;
    }

    /** The strace logs of the corpus under {@code corpus} ({@code native/NAME/strace.log.xz}, {@code jvm/...}). */
    static RealShapedLog fromCorpus(Path corpus) throws IOException {
        return new RealShapedLog(CorpusLogRepeater.find(corpus, "strace.log.xz"));
    }

    int programs() {
        return logs.size();
    }

    /** Writes at least {@code bytes} (whole lines) to {@code out}; returns the lines written. */
    long write(Path out, long bytes) throws IOException, InterruptedException {
        return CorpusLogRepeater.write(logs, out, bytes, FIRST_MICROS, GAP_MICROS,
                (pass, start) -> new Copy(pass * PID_STRIDE, start));
    }

    /** One program's log copied with its pids moved by {@code pidShift} and its first line at {@code startMicros}. */
    static final class Copy implements CorpusLogRepeater.Copy {
        private final StringBuilder line = new StringBuilder(4096);
        private final int pidShift;
        private final long startMicros;
        private long timeShift = Long.MIN_VALUE;
        private long lastMicros;

        Copy(int pidShift, long startMicros) {
            this.pidShift = pidShift;
            this.startMicros = startMicros;
        }

        @Override
        public String rewrite(String original) {
            if (original.isEmpty() || !isDigit(original.charAt(0))) {
                return original;
            }
            line.setLength(0);
            line.append(original);
            int afterPid = shiftNumber(line, 0);
            int ts = skipSpaces(line, afterPid);
            int afterTime = shiftTime(line, ts);
            int from = skipSpaces(line, afterTime >= 0 ? afterTime : ts);
            shiftProcPaths(line, from);
            shiftCallPids(line, from);
            return line.toString();
        }

        @Override
        public long lastTime() {
            return lastMicros;
        }

        /** Moves {@code SECONDS.MICROS} at {@code at}; returns the index after it, or -1 when there is none. */
        private int shiftTime(StringBuilder line, int at) {
            int dot = at;
            while (dot < line.length() && isDigit(line.charAt(dot))) {
                dot++;
            }
            if (dot == at || dot + 7 > line.length() || line.charAt(dot) != '.') {
                return -1;
            }
            int end = dot + 1;
            while (end < line.length() && isDigit(line.charAt(end))) {
                end++;
            }
            if (end - dot - 1 != 6) {
                return -1;
            }
            long micros = Long.parseLong(line, at, dot, 10) * 1_000_000 + Long.parseLong(line, dot + 1, end, 10);
            if (timeShift == Long.MIN_VALUE) {
                timeShift = startMicros - micros;
            }
            long moved = micros + timeShift;
            lastMicros = Math.max(lastMicros, moved);
            String fraction = Long.toString(1_000_000 + moved % 1_000_000).substring(1);
            line.replace(at, end, (moved / 1_000_000) + "." + fraction);
            return at + Long.toString(moved / 1_000_000).length() + 7;
        }

        private void shiftProcPaths(StringBuilder line, int from) {
            for (int at = line.indexOf("/proc/", from); at >= 0; at = line.indexOf("/proc/", at + 6)) {
                int digits = at + 6;
                if (digits < line.length() && isDigit(line.charAt(digits))) {
                    int end = shiftNumber(line, digits);
                    if (startsWith(line, "/task/", end) && end + 6 < line.length() && isDigit(line.charAt(end + 6))) {
                        shiftNumber(line, end + 6);
                    }
                }
            }
        }

        private void shiftCallPids(StringBuilder line, int from) {
            int name = from;
            if (startsWith(line, "<... ", name)) {
                name += 5;
            }
            int open = name;
            while (open < line.length() && (Character.isLetterOrDigit(line.charAt(open)) || line.charAt(open) == '_')) {
                open++;
            }
            String call = line.substring(name, open);
            switch (call) {
                case "clone", "clone3", "fork", "vfork", "getpid", "gettid", "set_tid_address" -> shiftResult(line);
                case "wait4" -> {
                    shiftArgument(line, open, 0);
                    shiftResult(line);
                }
                case "kill", "tkill" -> shiftArgument(line, open, 0);
                case "tgkill" -> {
                    shiftArgument(line, open, 0);
                    shiftArgument(line, open, 1);
                }
                case "---" -> {
                    int at = line.indexOf("si_pid=", open);
                    if (at >= 0) {
                        shiftNumber(line, at + 7);
                    }
                }
                default -> {
                }
            }
        }

        /** Shifts the positive number after the last {@code " = "}, the call's result. */
        private void shiftResult(StringBuilder line) {
            int at = line.lastIndexOf(") = ");
            if (at >= 0 && at + 4 < line.length() && isDigit(line.charAt(at + 4))) {
                shiftNumber(line, at + 4);
            }
        }

        /** Shifts argument {@code index} of a call whose name ends at {@code open}, when it is a positive number. */
        private void shiftArgument(StringBuilder line, int open, int index) {
            if (open >= line.length() || line.charAt(open) != '(') {
                return;
            }
            int at = open + 1;
            for (int i = 0; i < index; i++) {
                at = line.indexOf(", ", at);
                if (at < 0) {
                    return;
                }
                at += 2;
            }
            if (at < line.length() && isDigit(line.charAt(at))) {
                shiftNumber(line, at);
            }
        }

        /** Adds the shift to the number at {@code at}; returns the index after it. */
        private int shiftNumber(StringBuilder line, int at) {
            int end = at;
            while (end < line.length() && isDigit(line.charAt(end))) {
                end++;
            }
            if (pidShift == 0 || end == at || end - at > 9) {
                return end;
            }
            String moved = Long.toString(Long.parseLong(line, at, end, 10) + pidShift);
            line.replace(at, end, moved);
            return at + moved.length();
        }

        private static boolean startsWith(StringBuilder line, String prefix, int at) {
            return at + prefix.length() <= line.length() && line.indexOf(prefix, at) == at;
        }

        private static int skipSpaces(StringBuilder line, int at) {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            return at;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
