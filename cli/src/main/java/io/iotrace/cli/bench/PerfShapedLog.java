package io.iotrace.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A big {@code perf script} log of {@code raw_syscalls} with the shape of real ones: the corpus's perf recordings
 * ({@code perf-script.log.xz}, {@code perf record -e raw_syscalls:sys_enter,raw_syscalls:sys_exit} of a real
 * program) laid end to end and repeated, as {@link RealShapedLog} does with strace logs. Each copy gets tids of its
 * own (the line's, the results of clone, clone3, fork, vfork, wait4, getpid and gettid, the pid arguments of kill,
 * tkill, tgkill and wait4) and starts a second after the previous one ended.
 */
final class PerfShapedLog {
    private static final String FILE_NAME = "perf-script.log.xz";
    /** Wider than the span of tids in any recording: no two copies share a tid. */
    private static final int TID_STRIDE = 32768;
    private static final long GAP_NANOS = 1_000_000_000L;
    /** comm (may hold spaces), tid, [cpu], seconds.fraction, the rest. */
    private static final Pattern HEAD = Pattern.compile("^(\\s*.*?\\s)(\\d+)(\\s+\\[\\d+\\]\\s+)(\\d+)\\.(\\d+)(:.*)$");
    private static final Pattern RAW = Pattern.compile("raw_syscalls:sys_(enter|exit): NR (\\d+) ");
    /** x86_64 numbers of the calls that return a pid: clone, fork, vfork, wait4, clone3, getpid, gettid. */
    private static final Set<Integer> RETURN_PIDS = Set.of(56, 57, 58, 61, 435, 39, 186);
    /** kill, tkill and wait4 take a pid first; tgkill a pid and a tid. */
    private static final Set<Integer> FIRST_ARGUMENT_PID = Set.of(62, 200, 61, 234);
    private static final int TGKILL = 234;

    private final List<Path> recordings;

    private PerfShapedLog(List<Path> recordings) {
        this.recordings = recordings;
    }

    /** The perf recordings under {@code corpus}: {@code native/NAME/perf-script.log.xz}, {@code jvm/...}. */
    static PerfShapedLog fromCorpus(Path corpus) throws IOException {
        return new PerfShapedLog(CorpusLogRepeater.find(corpus, FILE_NAME));
    }

    /** The corpus folders of the programs recorded, for the benchmark's heading. */
    List<String> programs() {
        return recordings.stream().map(p -> p.getParent().getFileName().toString()).toList();
    }

    /** Writes at least {@code bytes} (whole lines) to {@code out}. */
    void write(Path out, long bytes) throws IOException, InterruptedException {
        CorpusLogRepeater.write(recordings, out, bytes, 0, GAP_NANOS,
                (pass, start) -> new Copy(pass * TID_STRIDE, start));
    }

    /** One recording copied with its tids moved by {@code tidShift} and its first event at {@code startNanos}. */
    static final class Copy implements CorpusLogRepeater.Copy {
        private final int tidShift;
        private final long startNanos;
        private long timeShift = Long.MIN_VALUE;
        private long lastNanos;

        Copy(int tidShift, long startNanos) {
            this.tidShift = tidShift;
            this.startNanos = startNanos;
        }

        /** The line moved; a line that is no tracepoint event (a header, a blank) as it is. */
        @Override
        public String rewrite(String line) {
            Matcher head = HEAD.matcher(line);
            if (!head.matches()) {
                return line;
            }
            String fraction = head.group(5);
            long scale = fraction.length() == 9 ? 1 : fraction.length() == 6 ? 1_000 : 0;
            if (scale == 0) {
                return line;
            }
            long nanos = Long.parseLong(head.group(4)) * 1_000_000_000L + Long.parseLong(fraction) * scale;
            if (timeShift == Long.MIN_VALUE) {
                timeShift = startNanos - nanos;
            }
            long moved = nanos + timeShift;
            lastNanos = Math.max(lastNanos, moved);
            long movedFraction = moved % 1_000_000_000L / scale;
            String digits = Long.toString(movedFraction + (scale == 1 ? 1_000_000_000L : 1_000_000L)).substring(1);
            return head.group(1) + (Integer.parseInt(head.group(2)) + tidShift) + head.group(3)
                    + moved / 1_000_000_000L + "." + digits + payload(head.group(6));
        }

        @Override
        public long lastTime() {
            return lastNanos;
        }

        private String payload(String rest) {
            Matcher raw = RAW.matcher(rest);
            if (!raw.find()) {
                return rest;
            }
            int number = Integer.parseInt(raw.group(2));
            if (raw.group(1).equals("exit")) {
                if (!RETURN_PIDS.contains(number)) {
                    return rest;
                }
                int equals = rest.indexOf("= ", raw.end());
                long result = equals < 0 ? -1 : Long.parseLong(rest.substring(equals + 2).strip());
                return result > 0 ? rest.substring(0, equals + 2) + (result + tidShift) : rest;
            }
            if (!FIRST_ARGUMENT_PID.contains(number)) {
                return rest;
            }
            int open = rest.indexOf('(', raw.end());
            int close = rest.indexOf(')', open + 1);
            if (open < 0 || close < 0) {
                return rest;
            }
            String[] arguments = rest.substring(open + 1, close).split(", ");
            int pids = number == TGKILL ? 2 : 1;
            for (int i = 0; i < pids && i < arguments.length; i++) {
                long pid = Long.parseUnsignedLong(arguments[i], 16);
                if (pid > 0 && pid < Integer.MAX_VALUE) {
                    arguments[i] = Long.toHexString(pid + tidShift);
                }
            }
            return rest.substring(0, open + 1) + String.join(", ", arguments) + rest.substring(close);
        }
    }
}
