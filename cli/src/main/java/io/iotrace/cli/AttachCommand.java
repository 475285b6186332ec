package io.iotrace.cli;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.cli.attach.AgentStatus;
import io.iotrace.cli.attach.Durations;
import io.iotrace.cli.attach.FirstEvent;
import io.iotrace.cli.attach.TracingSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotrace attach}: traces a running JVM for a while, leaves it as it was, and prints the report. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Trace a running JVM (Java 17 or newer, same user) without restarting it: load the agent,"
                + " record for a while (or until Ctrl-C), take the instrumentation out again and report.")
final class AttachCommand implements Callable<Integer> {
    private static final long LIVENESS_CHECK_MILLIS = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the JVM to trace (see 'iotrace ps')")
    long pid;

    @Option(names = "--duration", converter = Durations.class, paramLabel = "TIME",
            description = "how long to record, e.g. 30s or 2m; by default until Ctrl-C")
    Duration duration;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "keep the recording in FILE")
    Path output;

    @Mixin
    ReportFormatOption reportFormat;

    @Mixin
    AttachTimeoutOption attachTimeout;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path directory = Files.createTempDirectory("iotrace-attach-");
        try {
            ProcessReport report;
            List<String> warnings = new ArrayList<>();
            try (TracingSession session = TracingSession.start(pid, Artifacts.agentJar(), directory, attachTimeout.timeout)) {
                announce(session, err);
                CountDownLatch reported = new CountDownLatch(1);
                Thread onSignal = stopOnSignal(reported);
                try {
                    awaitEnd(session, warnings);
                    OptionalLong first = FirstEvent.startNanos(session.recording());
                    AgentStatus last = session.stop();
                    if (last != null && !last.message().isEmpty()) {
                        warnings.add("the agent stopped early: " + last.message());
                    }
                    report = Recordings.analyzeTolerant(session.recording(), warnings);
                    first.ifPresent(start -> err.printf(Locale.ROOT, "iotrace: first event %.3f s after attach"
                            + " began%n", (start - session.attachStartNanos()) / 1e9));
                    if (output != null) {
                        Files.copy(session.recording(), output, StandardCopyOption.REPLACE_EXISTING);
                    }
                    ReportPrinter.print(List.of(report), warnings, reportFormat.format, spec.commandLine().getOut());
                } finally {
                    reported.countDown();
                    removeHook(onSignal);
                }
            }
            return ExitCodes.OK;
        } finally {
            Directories.deleteTree(directory);
        }
    }

    private void announce(TracingSession session, PrintWriter err) {
        String name = session.target().displayName().split(" ")[0];
        err.println("iotrace: recording pid " + pid + (name.isEmpty() ? "" : " (" + name + ")")
                + (duration != null ? " for " + Durations.format(duration) : " until Ctrl-C") + "...");
        if (session.started().dynamicLoadWarning()) {
            err.println("iotrace: note: Java 21+ printed a warning about a dynamically loaded agent on the"
                    + " target's stderr; starting it with -XX:+EnableDynamicAgentLoading allows iotrace without the"
                    + " warning (no other flag is needed)");
        }
        err.flush();
    }

    /** Waits for the duration, Ctrl-C, or the target's exit. */
    private void awaitEnd(TracingSession session, List<String> warnings) throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopRequested.await(Math.min(LIVENESS_CHECK_MILLIS, (deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS)) {
                return;
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                warnings.add("pid " + pid + " exited during the recording");
                return;
            }
        }
    }

    /** Ctrl-C or SIGTERM ends the recording early; the hook waits until the report is printed. */
    private Thread stopOnSignal(CountDownLatch reported) {
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                reported.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iotrace-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Stopping on a signal: the hook is running and returns now that the report is out.
        }
    }
}
