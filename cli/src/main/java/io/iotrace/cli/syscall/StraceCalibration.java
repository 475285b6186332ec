package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.StraceSlowdown;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ThreadReport;
import io.iotrace.analyzers.syscall.SyscallReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a traced syscall (strace stops the thread at its entry and at its exit) costs on this machine, measured
 * right after a {@code run --strace}: dd copying 1-byte blocks (a read and a write each, both traced) under the
 * same strace options, at two sizes, against dd alone. The slope between the sizes leaves out strace's and dd's start-up; the median of three runs each leaves
 * out most of the noise of a busy machine.
 *
 * <p>A run under {@code --seccomp-bpf} cannot be repeated without strace, so its slowdown is estimated from this
 * cost and the number of syscalls strace stopped it at; {@code attach --strace} measures instead.
 */
public final class StraceCalibration {
    private static final int SMALL = 500;
    private static final int LARGE = 4_500;
    /** dd makes one read and one write per block. */
    private static final int SYSCALLS_PER_BLOCK = 2;
    private static final int RUNS = 3;
    private static final long RUN_TIMEOUT_SECONDS = 30;

    private final double tracedSyscallNanos;

    private StraceCalibration(double tracedSyscallNanos) {
        this.tracedSyscallNanos = tracedSyscallNanos;
    }

    /** Measures the cost of a traced syscall; null with the reason in {@code why} when it cannot be measured. */
    public static StraceCalibration measure(Path scratch, List<String> why) {
        try {
            Path log = Files.createTempFile(scratch, "calibration-", ".log");
            try {
                double traced = slope(true, log);
                double alone = slope(false, log);
                return new StraceCalibration(Math.max(0, traced - alone));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException | CalibrationFailed e) {
            why.add(e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why.add("interrupted");
            return null;
        }
    }

    /**
     * The estimated slowdown of one traced JVM: its busiest thread was stopped at that many syscalls, each costing
     * {@link #tracedSyscallNanos}, within the command's wall time.
     */
    public StraceSlowdown slowdownOf(long pid, SyscallReport syscalls, long wallNanos) {
        ProcessReport process = syscalls.process((int) pid).orElse(null);
        if (process == null || process.threads().isEmpty()) {
            return StraceSlowdown.unknown("not estimated: the strace log has no syscalls of pid " + pid);
        }
        long stops = process.totals().events();
        ThreadReport busiest = process.threads().stream().max(Comparator.comparingLong(t -> t.io().events()))
                .orElseThrow();
        double lostNanos = busiest.io().events() * tracedSyscallNanos;
        String how = String.format(Locale.ROOT, "estimated, not measured: strace stopped it at %,d syscalls, %,d of"
                + " them on its busiest thread (tid %d); a traced syscall (two stops) costs %.1f us here (calibrated"
                + " just now with dd's 1-byte reads under the same strace options, against dd alone), so that thread"
                + " lost %.2f s of the run's %.2f s", stops, busiest.io().events(), busiest.osTid(),
                tracedSyscallNanos / 1000, lostNanos / 1e9, wallNanos / 1e9);
        if (lostNanos >= wallNanos) {
            return StraceSlowdown.unknown("not estimated: the calibration does not fit this run (" + how + ")");
        }
        return new StraceSlowdown(wallNanos / (wallNanos - lostNanos), how);
    }

    /** Nanoseconds per syscall of dd, under strace or alone. */
    private static double slope(boolean underStrace, Path log) throws IOException, InterruptedException {
        long small = medianNanos(dd(SMALL, underStrace, log));
        long large = medianNanos(dd(LARGE, underStrace, log));
        return (double) (large - small) / ((LARGE - SMALL) * SYSCALLS_PER_BLOCK);
    }

    private static List<String> dd(int blocks, boolean underStrace, Path log) {
        List<String> dd = List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + blocks, "status=none");
        return underStrace ? StraceWrapper.wrapLoggingTo(dd, log) : dd;
    }

    private static long medianNanos(List<String> command) throws IOException, InterruptedException {
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                throw new CalibrationFailed("calibration run did not end: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new CalibrationFailed("calibration run failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command));
            }
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static final class CalibrationFailed extends RuntimeException {
        CalibrationFailed(String message) {
            super(message);
        }
    }
}
