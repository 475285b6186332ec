package io.iotrace.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the benchmark's figures: one line per pair as it finishes, then the medians and the verdict. */
final class BenchmarkReport {
    static final double TARGET_CPU_RATIO = 1.05;
    static final int TARGET_BYTES_PER_CALL = 16;
    private static final String ROW = "%-6s %13s %13s %8s %10s %11s %10s %10s %8s%n";

    private final PrintWriter out;

    BenchmarkReport(PrintWriter out) {
        this.out = out;
    }

    void header(String server, EchoWorkload workload, int pairs, String java) {
        out.printf(Locale.ROOT, "iotrace benchmark: %s (%s), %s; %d pairs, untraced then traced%n",
                server, java, workload.describe(), pairs);
        out.println("Server CPU = user + system time of the server process (/proc/<pid>/stat), per round trip of the"
                + " measured pass; 'whole run' also counts JVM and agent start-up and the warm-up.");
        out.println("Wall-clock throughput swings by +-30% from run to run on a 2-core machine: the CPU-time ratio"
                + " is the figure that counts.");
        out.println();
        out.printf(Locale.ROOT, ROW, "pair", "untraced CPU", "traced CPU", "CPU", "whole-run", "throughput",
                "recorded", "CPU added", "dropped");
        out.printf(Locale.ROOT, ROW, "", "per rt", "per rt", "ratio", "CPU ratio", "ratio", "calls", "per call",
                "events");
        out.flush();
    }

    /** One pair's row; {@code label} is its number, with {@code sum} for a traced run of {@code mode=summary}. */
    void pair(String label, PairResult p) {
        out.printf(Locale.ROOT, ROW, label, nanos(p.untraced().cpuNanosPerRoundTrip()),
                nanos(p.traced().cpuNanosPerRoundTrip()), ratio(p.cpuRatio()), ratio(p.wholeRunCpuRatio()),
                ratio(p.throughputRatio()), p.traced().recordedCalls(), nanos(p.addedNanosPerCall()),
                p.traced().dropped());
        out.flush();
    }

    void medians(List<PairResult> pairs) {
        double cpuRatio = median(pairs, PairResult::cpuRatio);
        double wholeRunRatio = median(pairs, PairResult::wholeRunCpuRatio);
        double throughputRatio = median(pairs, PairResult::throughputRatio);
        double addedPerCall = median(pairs, PairResult::addedNanosPerCall);
        out.printf(Locale.ROOT, ROW, "median", nanos(median(pairs, p -> p.untraced().cpuNanosPerRoundTrip())),
                nanos(median(pairs, p -> p.traced().cpuNanosPerRoundTrip())), ratio(cpuRatio), ratio(wholeRunRatio),
                ratio(throughputRatio), (long) median(pairs, p -> p.traced().recordedCalls()), nanos(addedPerCall),
                (long) median(pairs, p -> p.traced().dropped()));
        out.println();
        out.printf(Locale.ROOT, "CPU-time ratio (median of %d pairs): %.3f   target <= %.2f: %s%n", pairs.size(),
                cpuRatio, TARGET_CPU_RATIO, cpuRatio <= TARGET_CPU_RATIO ? "met" : "NOT met");
        out.printf(Locale.ROOT, "Whole-run CPU-time ratio (median, start-up included): %.3f%n", wholeRunRatio);
        out.printf(Locale.ROOT, "Wall-clock throughput ratio (median): %.3f   (swings +-30%% here; not the verdict)%n",
                throughputRatio);
        out.printf(Locale.ROOT, "CPU added per recorded call (median): %s%n", nanos(addedPerCall));
        double bytesPerCall = median(pairs, p -> p.traced().bytesPerRecordedCall());
        out.printf(Locale.ROOT, "Bytes per recorded call on disk (median, whole file): %.1f   target <= %d: %s%n",
                bytesPerCall, TARGET_BYTES_PER_CALL, bytesPerCall <= TARGET_BYTES_PER_CALL ? "met" : "NOT met");
        out.flush();
    }

    /** The rows of {@code mode=summary}: each traced run against the untraced run of its pair. */
    void summaryModeMedians(List<PairResult> pairs) {
        double cpuRatio = median(pairs, PairResult::cpuRatio);
        out.printf(Locale.ROOT, "mode=summary CPU-time ratio (median of %d pairs): %.3f   target <= %.2f: %s%n",
                pairs.size(), cpuRatio, TARGET_CPU_RATIO, cpuRatio <= TARGET_CPU_RATIO ? "met" : "NOT met");
        out.printf(Locale.ROOT, "mode=summary whole-run CPU-time ratio (median, start-up included): %.3f%n",
                median(pairs, PairResult::wholeRunCpuRatio));
        out.printf(Locale.ROOT, "mode=summary bytes on disk per call (median, whole file over the calls its summaries"
                + " count): %.4f (%d bytes for %d calls)%n", median(pairs, p -> p.traced().bytesPerSummarizedCall()),
                (long) median(pairs, p -> p.traced().recordingBytes()),
                (long) median(pairs, p -> p.traced().summarizedCalls()));
        out.flush();
    }

    /** The start-up rows: a short program's run time from exec to exit, untraced and traced in both modes. */
    void startup(StartupRun.Result startup) {
        out.printf(Locale.ROOT, "JVM start-up to exit, %s (median of %d runs each, alternating): untraced %.0f ms,"
                + " traced %.0f ms (ratio %.3f), traced with mode=summary %.0f ms (ratio %.3f)%n", startup.program(),
                startup.runs(), startup.untracedNanos() / 1e6, startup.tracedNanos() / 1e6,
                startup.tracedNanos() / startup.untracedNanos(), startup.summaryModeNanos() / 1e6,
                startup.summaryModeNanos() / startup.untracedNanos());
        out.flush();
    }

    /** The attach benchmark: each attach's time to the first recorded event, their median and the verdict. */
    void attachLatencies(List<AttachLatency> latencies, int connections, int pauseMillis) {
        out.println("iotrace benchmark --attach: time from 'iotrace attach' (pid checks, attach, agent load, hooks"
                + " installed) to the first recorded event, each attach a fresh iotrace process, on a warmed-up"
                + " BlockingEchoServer under load: " + connections + " connections, each "
                + (pauseMillis == 0 ? "as fast as the server answers" : "pausing " + pauseMillis
                + " ms after each round trip") + "; load average " + loadAverage());
        for (int i = 0; i < latencies.size(); i++) {
            out.printf(Locale.ROOT, "JVM %d: first attach %.3f s, attach again %.3f s%n", i + 1,
                    latencies.get(i).firstNanos() / 1e9, latencies.get(i).againNanos() / 1e9);
        }
        double first = medianOf(latencies.stream().mapToDouble(AttachLatency::firstNanos).toArray());
        double again = medianOf(latencies.stream().mapToDouble(AttachLatency::againNanos).toArray());
        out.printf(Locale.ROOT, "First attach to a JVM, to first event (median of %d JVMs): %.3f s   target < 1 s: %s%n",
                latencies.size(), first / 1e9, first < 1e9 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "Attach again to the same JVM (median of %d): %.3f s%n", latencies.size(), again / 1e9);
        out.flush();
    }

    /** The 1-minute load average, printed beside figures that a busy machine distorts. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double median(List<PairResult> pairs, ToDoubleFunction<PairResult> figure) {
        return medianOf(pairs.stream().mapToDouble(figure).toArray());
    }

    /** The median, NaNs left out; NaN when nothing is left. */
    static double medianOf(double[] figures) {
        double[] values = Arrays.stream(figures).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return "-";
        }
        return Math.abs(ns) >= 10_000 ? String.format(Locale.ROOT, "%.2f us", ns / 1000)
                : String.format(Locale.ROOT, "%.0f ns", ns);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }
}
