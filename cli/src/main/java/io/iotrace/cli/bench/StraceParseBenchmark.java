package io.iotrace.cli.bench;

import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.cli.ExitCodes;
import com.sun.management.OperatingSystemMXBean;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Locale;

/**
 * Parse speed of the syscall log readers against two floors, on logs in page cache: strace logs built from the
 * corpus's real ones and generated, and a {@code perf script} log built from the corpus's perf recordings.
 *
 * <p>Generates a log of the given size (MiB, default 1024) in a temp dir, then times, after one untimed run of the
 * readLine loop and of the parse (the parse's is printed as its cold time) and the parse's warm-up:
 * {@code wc -l} (median of 3), and in turns, {@value #PAIRS} pairs, a plain {@code BufferedReader.readLine()} count
 * loop and {@link SyscallLogAnalyzer#analyze} through to the rendered report. Prints seconds, MiB/s, lines/s, ratios, peak heap and peak RSS, and the CPU
 * seconds this JVM spent in each (the parse runs on every core, so on a machine shared with other work its wall time
 * suffers more than the single-threaded loop's: the CPU ratio says how much work each does). Run by
 * {@code iotrace benchmark strace-parse}, in a JVM of its own whose heap is capped at the target.
 */
public final class StraceParseBenchmark {
    /**
     * The readLine loop and the parse are timed in turns, this many pairs, and their ratio is the median of the
     * pairs' ratios: this host's speed moves by a third within minutes, and timed in two blocks (three readLine
     * loops, then three parses) one ratio took the loop from a slow minute and the parse from a fast one, or the
     * reverse (1.48x and 1.66x for the same code). Two runs a second apart see the same host.
     */
    private static final int PAIRS = 5;
    /** The thread counts of the scaling table's second part. */
    private static final int[] THREAD_COUNTS = {1_000, 10_000, 100_000};
    /** The sizes of the scaling table's first part, MiB of the real-shaped log. */
    private static final long[] SCALING_MIB = {128, 1024, 4096};

    /**
     * Run by {@link StraceParseCommand}, which checks the arguments (MiB, the corpus folder, whether to measure
     * the scaling table); a failure is one line on stderr and exit code 2.
     */
    public static void main(String[] args) {
        try {
            run(Long.parseLong(args[0]), Path.of(args[1]), Boolean.parseBoolean(args[2]),
                    Duration.ofSeconds(Long.parseLong(args[3])));
        } catch (Exception e) {
            System.err.println("iotrace: the strace parse benchmark failed: " + e.getMessage());
            System.exit(ExitCodes.USAGE_OR_INPUT);
        }
    }

    /**
     * @param warmUp how long each log's parse runs untimed before it is measured, as a JMH warm-up does: the JIT
     *               compiles the parse's hot code on one compiler thread beside the two busy workers, and on this
     *               machine was still at it after five runs of a gigabyte. The first run, cold, is printed beside.
     */
    private static void run(long mebibytes, Path corpus, boolean scaling, Duration warmUp) throws Exception {
        Path dir = Files.createTempDirectory("iotrace-bench");
        // Also when the command that started this JVM stops it: a gigabyte must not stay behind in /tmp.
        dir.toFile().deleteOnExit();
        try {
            RealShapedLog real = RealShapedLog.fromCorpus(corpus);
            System.out.printf(Locale.ROOT, "%d cores, heap capped at %.0f MiB; real-shaped log: the %d strace logs"
                            + " of %s laid end to end and repeated, pids and times shifted%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024),
                    real.programs(), corpus);
            Path log = dir.resolve("real.strace.log");
            log.toFile().deleteOnExit();
            real.write(log, mebibytes << 20);
            Row realRow = measureOrOutOfMemory("real-shaped", log, warmUp);
            Files.delete(log);

            Path generated = dir.resolve("generated.strace.log");
            generated.toFile().deleteOnExit();
            generate(generated, mebibytes << 20);
            measure("generated", generated, warmUp);
            Files.delete(generated);

            PerfShapedLog perf = PerfShapedLog.fromCorpus(corpus);
            Path perfLog = dir.resolve("real.perf-script.log");
            perfLog.toFile().deleteOnExit();
            perf.write(perfLog, mebibytes << 20);
            System.out.printf(Locale.ROOT, "%nperf script: perf record -e raw_syscalls of %s, laid end to end and"
                    + " repeated, tids and times shifted", String.join(", ", perf.programs()));
            measureOrOutOfMemory("perf script", perfLog, warmUp);
            Files.delete(perfLog);

            if (scaling) {
                System.out.printf(Locale.ROOT, "%nscaling, real-shaped log (median of %d pairs; s/GiB should stay"
                        + " flat):%n", PAIRS);
                System.out.printf(Locale.ROOT, "%-10s %8s %10s %10s %8s %10s %10s%n", "size", "lines", "readLine",
                        "parse", "ratio", "parse s/GiB", "peak live");
                for (long mib : SCALING_MIB) {
                    Row row;
                    if (mib == mebibytes && realRow != null) {
                        row = realRow;
                    } else {
                        Path sized = dir.resolve("real-" + mib + ".strace.log");
                        sized.toFile().deleteOnExit();
                        real.write(sized, mib << 20);
                        row = measureOrOutOfMemory(null, sized, warmUp);
                        Files.delete(sized);
                    }
                    if (row == null) {
                        System.out.printf(Locale.ROOT, "%-10s OutOfMemoryError%n", mib + " MiB");
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "%-10s %8s %9.3fs %9.3fs %7.2fx %10.3f %7.1f MiB%n",
                            mib + " MiB", millions(row.shape.lines()), row.readLine.wall, row.parse.wall,
                            row.ratio, row.parse.wall / (row.shape.bytes() / GIB),
                            row.peakLive / MIB);
                }
                System.out.printf(Locale.ROOT, "%nscaling, threads of a thread-per-connection server, each short-lived"
                        + " (median of %d pairs; peak live heap should stay flat):%n", PAIRS);
                System.out.printf(Locale.ROOT, "%-10s %8s %10s %10s %8s %10s%n", "threads", "lines", "readLine",
                        "parse", "ratio", "peak live");
                for (int threads : THREAD_COUNTS) {
                    Path many = dir.resolve("threads-" + threads + ".strace.log");
                    many.toFile().deleteOnExit();
                    ShortLivedThreadsLog.write(many, threads);
                    Row row = measureOrOutOfMemory(null, many, warmUp);
                    Files.delete(many);
                    if (row == null) {
                        System.out.printf(Locale.ROOT, "%-10d OutOfMemoryError%n", threads);
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "%-10d %8s %9.3fs %9.3fs %7.2fx %7.1f MiB%n", threads,
                            millions(row.shape.lines()), row.readLine.wall, row.parse.wall,
                            row.ratio, row.peakLive / MIB);
                }
            }
            System.out.printf(Locale.ROOT, "%npeak RSS of this JVM: %s; load average %s%n", peakRss(),
                    BenchmarkReport.loadAverage());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static final double MIB = 1024.0 * 1024;
    private static final double GIB = MIB * 1024;

    /** A line count, short: "10.2 M", "80 k". */
    private static String millions(long lines) {
        return lines >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", lines / 1e6)
                : String.format(Locale.ROOT, "%.0f k", lines / 1e3);
    }

    /**
     * One log's figures: its shape, the readLine loop's and the parse's medians and the median of their pairs'
     * ratios, the parse's peak heaps.
     */
    record Row(LogShape shape, Timing readLine, Timing parse, double ratio, long peakHeap, long peakLive) {
    }

    /** {@link #measure}, or null when the parse ran out of heap: a row of the table, not the end of the run. */
    private static Row measureOrOutOfMemory(String name, Path log, Duration warmUp) throws Exception {
        try {
            return measure(name, log, warmUp);
        } catch (OutOfMemoryError e) {
            if (name != null) {
                System.out.printf(Locale.ROOT, "%n%s log: the parse ran out of heap (OutOfMemoryError)%n", name);
            }
            return null;
        }
    }

    /**
     * Times the readLine loop and the parse on one log in turns after untimed runs (page cache warm, and the JIT
     * for {@code warmUp}); prints the full comparison when {@code name} is given.
     */
    private static Row measure(String name, Path log, Duration warmUp) throws Exception {
        LogShape shape = LogShape.of(log);
        long lines = shape.lines();
        readLineCount(log);
        long coldStart = System.nanoTime();
        parse(log);
        long warmUpStart = System.nanoTime();
        double coldParse = (warmUpStart - coldStart) / 1e9;
        int warmUpRuns = 1;
        for (; System.nanoTime() - warmUpStart < warmUp.toNanos(); warmUpRuns++) {
            parse(log);
        }
        Timing[] readLines = new Timing[PAIRS];
        Timing[] parses = new Timing[PAIRS];
        double[] ratios = new double[PAIRS];
        long peakHeap = 0;
        for (int i = 0; i < PAIRS; i++) {
            readLines[i] = timed(() -> readLineCount(log), lines);
            resetPeaks();
            parses[i] = timed(() -> parse(log), -1);
            peakHeap = Math.max(peakHeap, peakHeap());
            ratios[i] = parses[i].wall / readLines[i].wall;
        }
        Timing readLine = Timing.medianOf(readLines);
        Timing parse = Timing.medianOf(parses);
        Row row = new Row(shape, readLine, parse, BenchmarkReport.medianOf(ratios), peakHeap,
                PeakLiveHeap.of(() -> parse(log), parse.wall));
        if (name == null) {
            return row;
        }
        double mib = shape.bytes() / MIB;
        Timing[] wcs = new Timing[3];
        for (int i = 0; i < wcs.length; i++) {
            wcs[i] = timed(() -> wcLines(log), lines);
        }
        double wc = Timing.medianOf(wcs).wall;
        System.out.printf(Locale.ROOT, "%n%s log: %s%n", name, shape);
        print("wc -l", wc, mib, lines, wc);
        print("readLine loop", readLine.wall, mib, lines, wc);
        print("iotrace parse", parse.wall, mib, lines, wc);
        StringBuilder each = new StringBuilder();
        for (double ratio : ratios) {
            each.append(each.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", ratio));
        }
        System.out.printf(Locale.ROOT, "parse / readLine: %.2fx (target <= 1.5x), the median of %d pairs timed in"
                        + " turns (%s), after %d warm-up runs (%d s); the first, cold run: %.3f s (%.2fx)%n",
                row.ratio, PAIRS, each, warmUpRuns, warmUp.toSeconds(), coldParse, coldParse / readLine.wall);
        System.out.printf(Locale.ROOT, "CPU seconds: readLine loop %.3f, parse %.3f (%.2fx); load average %s%n",
                readLine.cpu, parse.cpu, parse.cpu / readLine.cpu, BenchmarkReport.loadAverage());
        System.out.printf(Locale.ROOT, "peak heap during parse: %.1f MiB (target < 256); live, after full"
                + " collections in another run: %.1f MiB at most%n", row.peakHeap / MIB, row.peakLive / MIB);
        return row;
    }

    interface Run {
        long lines() throws Exception;
    }

    /** Wall and CPU seconds of this JVM (a child process's CPU, as wc's, is not counted). */
    record Timing(double wall, double cpu) {
        /** Each figure's median. */
        static Timing medianOf(Timing[] runs) {
            double[] walls = new double[runs.length];
            double[] cpus = new double[runs.length];
            for (int i = 0; i < runs.length; i++) {
                walls[i] = runs[i].wall;
                cpus[i] = runs[i].cpu;
            }
            return new Timing(BenchmarkReport.medianOf(walls), BenchmarkReport.medianOf(cpus));
        }
    }

    private static Timing timed(Run run, long expectedLines) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long lines = run.lines();
        Timing timing = new Timing((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9);
        if (expectedLines >= 0 && lines != expectedLines) {
            throw new IllegalStateException("counted " + lines + " lines, expected " + expectedLines);
        }
        return timing;
    }

    private static void print(String what, double seconds, double mib, long lines, double wc) {
        System.out.printf(Locale.ROOT, "%-14s %7.3f s %8.0f MiB/s %12.0f lines/s %6.2fx wc%n", what, seconds,
                mib / seconds, lines / seconds, seconds / wc);
    }

    private static long wcLines(Path log) throws Exception {
        Process wc = new ProcessBuilder("wc", "-l", log.toString()).redirectErrorStream(true).start();
        String out = new String(wc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (wc.waitFor() != 0) {
            throw new IllegalStateException("wc failed: " + out);
        }
        return Long.parseLong(out.split("\\s+")[0]);
    }

    private static long readLineCount(Path log) throws IOException {
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    private static long parse(Path log) throws IOException {
        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(log), false);
        StringWriter text = new StringWriter();
        report.render(new PrintWriter(text));
        if (report.skippedLines() != 0 || report.processes().isEmpty()) {
            throw new IllegalStateException("unexpected report:\n" + text);
        }
        return report.lines();
    }

    /**
     * Writes lines in the forms of the golden logs: an epoll server with 8 event-loop threads, a blocking
     * thread-per-connection part with unfinished/resumed accepts, file reads with mmap, signals.
     */
    private static long generate(Path log, long bytes) throws IOException {
        String[] forms = {
                "%d %d.%06d epoll_wait(8<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=%d, u64=%d}}], 1024, 100) = 1 <0.%06d>\n",
                "%d %d.%06d read(%d<TCP:[127.0.0.1:8080->127.0.0.1:%d]>, \"GET /index.html HTTP/1.1\\r\\nHost: localhost\\r\\n\"..., 8192) = 412 <0.%06d>\n",
                "%d %d.%06d read(%d<TCP:[127.0.0.1:8080->127.0.0.1:%d]>, 0x7f3a2c001000, 8192) = -1 EAGAIN (Resource temporarily unavailable) <0.%06d>\n",
                "%d %d.%06d writev(%d<TCP:[127.0.0.1:8080->127.0.0.1:%d]>, [{iov_base=\"HTTP/1.1 200 OK\\r\\n\", iov_len=17}], 1) = 17 <0.%06d>\n",
                "%d %d.%06d accept4(3<TCP:[127.0.0.1:8080]>, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr(\"127.0.0.1\")}, [16], SOCK_CLOEXEC) = %d<TCP:[127.0.0.1:8080->127.0.0.1:50000]> <0.%06d>\n",
                "%d %d.%06d sendfile(%d<TCP:[127.0.0.1:8080->127.0.0.1:%d]>, 12</srv/www/data.bin>, NULL, 65536) = 65536 <0.%06d>\n",
                "%d %d.%06d futex(0x7f3a2c0015d0, FUTEX_WAKE_PRIVATE, %d) = %d <0.%06d>\n",
        };
        long lines = 0;
        long written = 0;
        long micros = 0;
        StringBuilder line = new StringBuilder(256);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
            while (written < bytes) {
                int tid = 4000 + (int) (lines % 8);
                micros += 7;
                long seconds = 1_700_000_000L + micros / 1_000_000;
                int fraction = (int) (micros % 1_000_000);
                int fd = 20 + (int) (lines % 50);
                int port = 40000 + (int) (lines % 20000);
                int duration = (int) (lines * 31 % 9000);
                line.setLength(0);
                int form = (int) (lines % 16);
                if (form == 15) {
                    // An accept split by another thread's line, then resumed with the whole duration.
                    line.append(String.format(Locale.ROOT, "%d %d.%06d accept(5<TCP:[127.0.0.1:9090]>,  <unfinished ...>\n",
                            3999, seconds, fraction));
                    line.append(String.format(Locale.ROOT, forms[1], tid, seconds, fraction, fd, port, duration));
                    line.append(String.format(Locale.ROOT, "%d %d.%06d <... accept resumed>{sa_family=AF_INET}, [16]) = %d<TCP:[127.0.0.1:9090->127.0.0.1:%d]> <0.%06d>\n",
                            3999, seconds, fraction, fd, port, duration));
                    lines += 3;
                } else {
                    String format = forms[form % 7];
                    Object[] values = switch (form % 7) {
                        case 0 -> new Object[]{tid, seconds, fraction, fd, fd, duration};
                        case 4 -> new Object[]{tid, seconds, fraction, port, fd, duration};
                        case 6 -> new Object[]{tid, seconds, fraction, 1, 0, duration};
                        default -> new Object[]{tid, seconds, fraction, fd, port, duration};
                    };
                    line.append(String.format(Locale.ROOT, format, values));
                    lines++;
                }
                byte[] data = line.toString().getBytes(StandardCharsets.US_ASCII);
                out.write(data);
                written += data.length;
            }
        }
        return lines;
    }

    /**
     * Without a collection first: after a full one G1 shrinks the heap and its young generation, and the parse that
     * follows pays for the young collections until it grows them again (1 GiB: 1.9 s instead of 1.55 s warm).
     */
    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
    }
}
