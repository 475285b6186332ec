package io.iotrace.cli.bench;

import io.iotrace.cli.Directories;
import io.iotrace.cli.IoTraceCli;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured run: an echo server, the fixture {@code BlockingEchoServer} unless told another, in a child JVM (with or
 * without the agent), driven by
 * the fixture {@code LoadDriver} in another child JVM on 127.0.0.1, first to warm up and then to measure.
 *
 * <p>The server's CPU time is read from {@code /proc} just before and just after the measured pass, while the
 * server is alive and, after the warm-up, quiet (the second reading also gives the whole run's CPU time, start-up
 * included). The wall-clock time is the driver's own timing of its round trips: JVM start-up counts in neither.
 */
final class EchoRun {
    /** The bundled server the benchmark runs unless told another. */
    static final String BLOCKING_ECHO_SERVER = "io.iotrace.fixtures.BlockingEchoServer";
    private static final String DRIVER = "io.iotrace.fixtures.LoadDriver";
    private static final Pattern LISTENING = Pattern.compile("LISTENING (\\d+)");
    private static final Pattern ELAPSED = Pattern.compile("DONE .*elapsedMs=(\\d+)");
    /** What {@code iotrace attach} prints on stderr once the recording is in. */
    private static final Pattern FIRST_EVENT = Pattern.compile("first event (\\d+\\.\\d+) s after attach began");
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long QUIET_PERIOD_MILLIS = 200;
    /** One {@code /proc} tick: what a server that is only waiting may still show in a period. */
    private static final long QUIET_CPU_NANOS = 10_000_000;
    private static final long QUIET_TIMEOUT_MILLIS = 10_000;

    private final Path java;
    private final Path fixturesJar;
    private final EchoWorkload workload;
    private final String server;
    /** The server's class path: its own entries, then the fixtures jar. */
    private final String serverClasspath;

    /**
     * @param server          the echo server's main class, one that follows the fixtures' protocol ({@code LISTENING
     *                        <port>}, stops at the end of its standard input)
     * @param serverClasspath where its classes are, before the fixtures jar; empty for a bundled server
     */
    EchoRun(Path java, Path fixturesJar, EchoWorkload workload, String server, String serverClasspath) {
        this.java = java;
        this.fixturesJar = fixturesJar;
        this.workload = workload;
        this.server = server;
        this.serverClasspath = serverClasspath.isBlank() ? fixturesJar.toString()
                : serverClasspath + File.pathSeparator + fixturesJar;
    }

    RunResult untraced() throws IOException, InterruptedException {
        return measure(List.of(), null);
    }

    /** Runs the server under the agent; {@code agentOptions} (key=value,...) go after the recording directory. */
    RunResult traced(Path agentJar, String agentOptions) throws IOException, InterruptedException {
        Path recordings = Files.createTempDirectory("iotrace-bench");
        String options = "dir=" + recordings + (agentOptions.isBlank() ? "" : "," + agentOptions);
        try {
            return measure(List.of("-javaagent:" + agentJar + "=" + options), recordings);
        } finally {
            Directories.deleteTree(recordings);
        }
    }

    /**
     * For each of {@code rounds} fresh, untraced, warmed-up servers kept busy by the load driver (each connection
     * pausing {@code pauseMillis} after each round trip, if not 0): the time from the start of an {@code iotrace
     * attach} to its first recorded event, for the first attach to that JVM and for a second one after the first
     * has detached. Each attach is a fresh {@code iotrace} process, as a user runs it; it prints the time, measured
     * on {@code System.nanoTime()}, one clock for all processes on Linux.
     */
    List<AttachLatency> attachLatencies(Path agentJar, int rounds, int pauseMillis) throws IOException,
            InterruptedException {
        List<AttachLatency> latencies = new ArrayList<>();
        Path serverErr = Files.createTempFile("iotrace-bench-server", ".err");
        try {
            for (int i = 0; i < rounds; i++) {
                Process server = new ProcessBuilder(java.toString(), "-cp", serverClasspath, this.server)
                        .redirectError(serverErr.toFile()).start();
                Process load = null;
                try {
                    int port = awaitListening(server);
                    drive(port, Math.max(1, workload.warmUpRoundTrips()));
                    load = startDriver(port, Integer.MAX_VALUE / workload.connections(), pauseMillis,
                            ProcessBuilder.Redirect.DISCARD);
                    long first = attachFromFreshCli(server.pid(), agentJar);
                    latencies.add(new AttachLatency(first, attachFromFreshCli(server.pid(), agentJar)));
                } finally {
                    if (load != null) {
                        load.destroyForcibly().waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    }
                    server.destroyForcibly().waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                refuseIfTheAgentComplained(server.pid(), Files.readString(serverErr));
            }
        } finally {
            Files.deleteIfExists(serverErr);
        }
        return latencies;
    }

    /**
     * A time measured while the hooks missed calls or classes measures the wrong thing: the agent says so on the
     * target's stderr ({@code [iotrace] self-test failed}, {@code could not be instrumented}).
     */
    private static void refuseIfTheAgentComplained(long pid, String serverErr) throws IOException {
        for (String line : serverErr.lines().toList()) {
            if (line.startsWith("[iotrace] ")) {
                throw new IOException("the agent in pid " + pid + " said: " + line.substring("[iotrace] ".length()));
            }
        }
    }

    /** Runs {@code iotrace attach PID --duration 1s} in a JVM of its own and reads the time it prints. */
    private static long attachFromFreshCli(long pid, Path agentJar) throws IOException, InterruptedException {
        Path errFile = Files.createTempFile("iotrace-bench-attach", ".err");
        String err;
        try {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Diotrace.agent.jar=" + agentJar, "-cp", System.getProperty("java.class.path"),
                    IoTraceCli.class.getName(), "attach", Long.toString(pid), "--duration", "1s")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errFile.toFile()).start();
            boolean ended = cli.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                cli.destroyForcibly().waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            err = Files.readString(errFile);
            if (!ended || cli.exitValue() != 0) {
                throw new IOException("iotrace attach " + pid + (ended ? " failed: " : " did not end: ") + err.strip());
            }
        } finally {
            Files.deleteIfExists(errFile);
        }
        Matcher first = FIRST_EVENT.matcher(err);
        if (!first.find()) {
            throw new IOException("iotrace attach " + pid + " recorded no event: " + err.strip());
        }
        return Math.round(Double.parseDouble(first.group(1)) * 1e9);
    }

    private RunResult measure(List<String> serverJvmOptions, Path recordings) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(serverJvmOptions);
        command.addAll(List.of("-cp", serverClasspath, server));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int port = awaitListening(server);
            if (workload.warmUpRoundTrips() > 0) {
                drive(port, workload.warmUpRoundTrips());
            }
            awaitQuiet(server.pid());
            long cpuBefore = ProcessCpu.nanos(server.pid());
            long from = System.nanoTime();
            long elapsedMillis = drive(port, workload.roundTrips());
            long to = System.nanoTime();
            long cpuAfter = ProcessCpu.nanos(server.pid());
            stop(server);
            long calls = 0;
            long dropped = 0;
            long recordingBytes = 0;
            long allCalls = 0;
            long summarized = 0;
            if (recordings != null) {
                Path recording = recordings.resolve("iotrace-" + server.pid() + ".iotrace");
                RecordedCalls counted = RecordedCalls.between(recording, from, to);
                calls = counted.inWindow();
                dropped = counted.dropped();
                recordingBytes = Files.size(recording);
                allCalls = counted.all();
                summarized = counted.summarized();
            }
            long wallNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, elapsedMillis));
            return new RunResult(cpuAfter - cpuBefore, cpuAfter, workload.wholeRoundTrips(), wallNanos,
                    workload.measuredRoundTrips(), calls, dropped, recordingBytes, allCalls,
                    summarized);
        } finally {
            server.destroyForcibly();
        }
    }

    /** Reads the server's output on a helper thread, so that waiting for its first line can time out. */
    static int awaitListening(Process server) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The server is gone; the wait below times out or sees it dead.
            }
        }, "bench-server-stdout");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            } else if (!server.isAlive()) {
                throw new IOException("echo server exited with code " + server.exitValue() + " before listening");
            }
        }
        throw new IOException("echo server printed no 'LISTENING <port>' within " + START_TIMEOUT_SECONDS + " s");
    }

    /**
     * Waits until the idle server stops using CPU: the JIT compiles what the warm-up made hot (and, traced, what
     * the agent's start-up ran) on background threads, and on a busy machine that work can run on into the
     * measured pass. Gives up after {@link #QUIET_TIMEOUT_MILLIS}, measuring anyway.
     */
    private static void awaitQuiet(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_TIMEOUT_MILLIS);
        long before = ProcessCpu.nanos(pid);
        int quietPeriods = 0;
        while (quietPeriods < 2 && System.nanoTime() < deadline) {
            Thread.sleep(QUIET_PERIOD_MILLIS);
            long now = ProcessCpu.nanos(pid);
            quietPeriods = now - before <= QUIET_CPU_NANOS ? quietPeriods + 1 : 0;
            before = now;
        }
    }

    /** Runs the load driver to completion and returns its own timing of the round trips, in ms. */
    long drive(int port, int roundTrips) throws IOException, InterruptedException {
        Path output = Files.createTempFile("iotrace-bench-driver", ".out");
        try {
            Process driver = startDriver(port, roundTrips, 0, ProcessBuilder.Redirect.to(output.toFile()));
            if (!driver.waitFor(workload.timeoutSeconds() + START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
                throw new IOException("load driver did not finish within " + workload.timeoutSeconds() + " s");
            }
            String printed = Files.readString(output);
            Matcher m = ELAPSED.matcher(printed);
            if (driver.exitValue() != 0 || !m.find()) {
                throw new IOException("load driver failed (exit code " + driver.exitValue() + "): " + printed.strip());
            }
            return Long.parseLong(m.group(1));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private Process startDriver(int port, int roundTrips, int pauseMillis, ProcessBuilder.Redirect output)
            throws IOException {
        return new ProcessBuilder(java.toString(), "-cp", fixturesJar.toString(), DRIVER,
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--connections", Integer.toString(workload.connections()),
                "--round-trips", Integer.toString(roundTrips), "--size", Integer.toString(workload.size()),
                "--pause-ms", Integer.toString(pauseMillis),
                "--timeout-seconds", Integer.toString(workload.timeoutSeconds()))
                .redirectErrorStream(true).redirectOutput(output).start();
    }

    /** Closes the server's standard input, its signal to stop, and waits for it to exit (and write its recording). */
    static void stop(Process server) throws IOException, InterruptedException {
        server.getOutputStream().close();
        if (!server.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("echo server did not stop within " + START_TIMEOUT_SECONDS + " s of end of input");
        }
    }
}
