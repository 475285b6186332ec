package io.iotrace.cli.bench;

import io.iotrace.cli.Artifacts;
import io.iotrace.cli.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iotrace benchmark}: the agent's overhead on an echo server (the bundled blocking one), untraced and traced. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        subcommands = {StraceParseCommand.class, SoakCommand.class},
        description = "Measure the agent's overhead: run the bundled blocking echo server under the bundled load"
                + " driver without the agent and with it (recording every call, then with mode=summary), in turn,"
                + " and compare the server's CPU time.")
public final class BenchmarkCommand implements Callable<Integer> {
    private static final String SUMMARY_MODE = "mode=summary";

    @Spec
    CommandSpec spec;

    @Option(names = "--pairs", defaultValue = "5", description = "untraced/traced pairs (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--connections", defaultValue = "4", description = "client connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--round-trips", defaultValue = "25000",
            description = "measured round trips per connection (default: ${DEFAULT-VALUE})")
    int roundTrips;

    @Option(names = "--warm-up", defaultValue = "5000",
            description = "warm-up round trips per connection, before measuring (default: ${DEFAULT-VALUE})")
    int warmUpRoundTrips;

    @Option(names = "--size", defaultValue = "64", description = "bytes per round trip (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--timeout", converter = Durations.class, defaultValue = "5m", paramLabel = "TIME",
            description = "bound on each load driver run, in whole seconds, e.g. 90s (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--agent-options", defaultValue = "",
            description = "more agent options for the traced server, e.g. ring=1024 (dir= is set by the benchmark)")
    String agentOptions;

    @Option(names = "--attach", paramLabel = "N",
            description = "instead of the overhead, start N warmed-up echo servers under load and measure on each"
                    + " the time from 'iotrace attach' to the first recorded event, for the first attach and for a"
                    + " second one (target: under 1 s)")
    int attaches;

    @Option(names = "--pause", converter = Durations.class, defaultValue = "0", paramLabel = "TIME",
            description = "with --attach: each connection of the load pauses TIME, in whole milliseconds (e.g. 1ms),"
                    + " after each round trip, a paced load instead of one that saturates the server (default: none)")
    Duration pause;

    @Option(names = "--startup-runs", defaultValue = "7", paramLabel = "N",
            description = "runs of a short program, untraced and traced in turn, for the start-up row (default:"
                    + " ${DEFAULT-VALUE}; 0 leaves it out)")
    int startupRuns;

    @Option(names = "--server", paramLabel = "MAIN", defaultValue = EchoRun.BLOCKING_ECHO_SERVER,
            description = "the echo server's main class: one that prints 'LISTENING <port>', echoes, and stops at the"
                    + " end of its standard input, as the bundled ones do (default: ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--server-classpath", paramLabel = "PATH", defaultValue = "",
            description = "where --server's classes and libraries are (the bundled fixtures come after)")
    String serverClasspath;

    @Option(names = "--java", description = "java binary for the server and driver (default: the one running iotrace)")
    Path java;

    @Override
    public Integer call() throws Exception {
        validate();
        Path javaBinary = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        EchoWorkload workload = new EchoWorkload(connections, warmUpRoundTrips, roundTrips, size,
                (int) timeout.toSeconds());
        EchoRun run = new EchoRun(javaBinary, Artifacts.fixturesJar(), workload, server, serverClasspath);
        Path agentJar = Artifacts.agentJar();
        BenchmarkReport report = new BenchmarkReport(spec.commandLine().getOut());
        if (attaches > 0) {
            int pauseMillis = (int) pause.toMillis();
            report.attachLatencies(run.attachLatencies(agentJar, attaches, pauseMillis), connections, pauseMillis);
            return 0;
        }
        String jvm = java != null ? javaBinary.toString() : "Java " + System.getProperty("java.version");
        report.header(server.substring(server.lastIndexOf('.') + 1), workload, pairs,
                agentOptions.isBlank() ? jvm : jvm + ", agent options " + agentOptions);
        List<PairResult> results = new ArrayList<>();
        List<PairResult> summaryOnly = new ArrayList<>();
        String summaryOptions = agentOptions.isBlank() ? SUMMARY_MODE : agentOptions + "," + SUMMARY_MODE;
        for (int i = 1; i <= pairs; i++) {
            // The same untraced run is the baseline of both: each traced run follows it on the same machine.
            RunResult untraced = run.untraced();
            PairResult pair = new PairResult(untraced, run.traced(agentJar, agentOptions));
            results.add(pair);
            report.pair(Integer.toString(i), pair);
            PairResult summary = new PairResult(untraced, run.traced(agentJar, summaryOptions));
            summaryOnly.add(summary);
            report.pair(i + " sum", summary);
        }
        report.medians(results);
        report.summaryModeMedians(summaryOnly);
        if (startupRuns > 0) {
            report.startup(new StartupRun(javaBinary, Artifacts.fixturesJar()).measure(agentJar, agentOptions,
                    summaryOptions, startupRuns));
        }
        return 0;
    }

    private void validate() {
        if (pairs < 1 || connections < 1 || roundTrips < 1 || warmUpRoundTrips < 0 || size < 1 || startupRuns < 0) {
            throw new ParameterException(spec.commandLine(), "--pairs, --connections, --round-trips and --size must"
                    + " be at least 1, --warm-up and --startup-runs at least 0");
        }
        // The load driver counts its bound in seconds and its pause in milliseconds.
        if (timeout.toSeconds() < 1 || timeout.toNanos() % 1_000_000_000L != 0) {
            throw new ParameterException(spec.commandLine(), "--timeout " + Durations.format(timeout)
                    + " must be a whole number of seconds, at least 1s");
        }
        if (pause.toNanos() % 1_000_000L != 0) {
            throw new ParameterException(spec.commandLine(), "--pause " + Durations.format(pause)
                    + " must be a whole number of milliseconds");
        }
        if (!pause.isZero() && attaches == 0) {
            throw new ParameterException(spec.commandLine(), "--pause is for --attach only");
        }
        if (java != null && !Files.isExecutable(java)) {
            throw new ParameterException(spec.commandLine(), "--java " + java + " is not an executable file");
        }
    }
}
