package io.iotrace.cli.bench;

import io.iotrace.cli.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent's start-up cost: a short real program (the file-copy fixture on one small file) run from exec to exit,
 * untraced and traced in turn, so that a busy moment of the machine weighs on both alike.
 */
final class StartupRun {
    private static final String PROGRAM = "io.iotrace.fixtures.FileCopyWorkload";
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * @param program       what was run
     * @param runs          runs of each kind
     * @param untracedNanos median wall-clock time from exec to exit, untraced
     * @param tracedNanos   the same, with the agent
     * @param summaryModeNanos the same, with the agent recording summaries only
     */
    record Result(String program, int runs, double untracedNanos, double tracedNanos, double summaryModeNanos) {
    }

    private final Path java;
    private final Path fixturesJar;

    StartupRun(Path java, Path fixturesJar) {
        this.java = java;
        this.fixturesJar = fixturesJar;
    }

    Result measure(Path agentJar, String agentOptions, String summaryModeOptions, int runs) throws IOException,
            InterruptedException {
        double[] untraced = new double[runs];
        double[] traced = new double[runs];
        double[] summaryMode = new double[runs];
        Path work = Files.createTempDirectory("iotrace-bench-startup");
        try {
            for (int i = 0; i < runs; i++) {
                untraced[i] = timeOne(List.of(), work);
                Path recordings = Files.createDirectories(work.resolve("recordings-" + i));
                traced[i] = timeOne(List.of("-javaagent:" + agentJar + "=dir=" + recordings
                        + (agentOptions.isBlank() ? "" : "," + agentOptions)), work);
                summaryMode[i] = timeOne(List.of("-javaagent:" + agentJar + "=dir=" + recordings + ","
                        + summaryModeOptions), work);
            }
        } finally {
            Directories.deleteTree(work);
        }
        return new Result("FileCopyWorkload of 4 KiB", runs, BenchmarkReport.medianOf(untraced),
                BenchmarkReport.medianOf(traced), BenchmarkReport.medianOf(summaryMode));
    }

    private double timeOne(List<String> jvmOptions, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", fixturesJar.toString(), PROGRAM, "--mode", "stream", "--size", "4096",
                "--chunk", "1024", "--dir", work.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(PROGRAM + " did not exit within " + TIMEOUT_SECONDS + " s");
        }
        long elapsed = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            throw new IOException(PROGRAM + " exited with " + p.exitValue());
        }
        return elapsed;
    }
}
