package io.iotrace.cli;

import io.iotrace.analyzers.correlate.BeforeAndAfterStrace;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.source.SyscallLogException;
import io.iotrace.cli.attach.FirstEvent;
import io.iotrace.cli.attach.RecordingWindow;
import io.iotrace.cli.attach.TracingSession;
import io.iotrace.cli.syscall.AttachedStrace;
import io.iotrace.cli.syscall.JavaCalls;
import io.iotrace.cli.syscall.SyscallAnalysis;
import io.iotrace.cli.syscall.SyscallOutput;
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
    /** When recording until Ctrl-C, how long the JVM is recorded alone before strace joins. */
    private static final Duration STRACE_BASELINE_UNTIL_STOPPED = Duration.ofSeconds(2);

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

    @Option(names = "--strace", description = "after the first third of the recording (2 s when recording until"
            + " Ctrl-C), also join strace to every thread of the JVM and match each Java call with the syscalls its"
            + " thread made; the calls before and after strace joined measure how much it slowed the JVM. With -o,"
            + " the log is kept as FILE.strace.log")
    boolean strace;

    /** strace while it holds the target, with {@code --strace}. */
    private AttachedStrace straced;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        // Opened first, closed last: after a signal the CLI exits only once the target is left as it was and the
        // recordings folder is gone.
        try (RecordingWindow window = RecordingWindow.open(pid)) {
            Path directory = Files.createTempDirectory("iotrace-attach-");
            try (TracingSession session = TracingSession.start(pid, Artifacts.agentJar(), directory,
                    attachTimeout.timeout())) {
                session.announce("recording", duration, err);
                List<String> warnings = new ArrayList<>();
                try {
                    record(window, directory, warnings, err);
                } finally {
                    // Never leave the target stopped at every syscall, whatever went wrong.
                    if (straced != null) {
                        straced.detach();
                    }
                }
                OptionalLong first = FirstEvent.startNanos(session.recording());
                session.stopAndWarn(warnings);
                JavaCalls calls = straced != null ? new JavaCalls(session.recording(), straced.window()) : null;
                ProcessReport report = calls != null
                        ? Recordings.analyzeTolerant(Recordings.setEndingWith(session.recording()), warnings, calls)
                        : Recordings.analyzeTolerant(Recordings.setEndingWith(session.recording()), warnings);
                first.ifPresent(start -> err.printf(Locale.ROOT, "iotrace: first event %.3f s after attach"
                        + " began%n", (start - session.attachStartNanos()) / 1e9));
                if (output != null) {
                    Files.copy(session.recording(), output, StandardCopyOption.REPLACE_EXISTING);
                }
                if (straced != null) {
                    printWithSyscalls(report, calls, warnings);
                } else {
                    ReportPrinter.print(List.of(report), warnings, reportFormat.format, spec.commandLine().getOut());
                }
            } finally {
                Directories.deleteTree(directory);
            }
        }
        return ExitCodes.OK;
    }

    /** Records until the duration ends, Ctrl-C or the target's exit; with {@code --strace}, strace joins on the way. */
    private void record(RecordingWindow window, Path directory, List<String> warnings, PrintWriter err)
            throws InterruptedException {
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        if (strace) {
            if (!window.awaitUntil(Math.min(end, System.nanoTime() + baselineNanos()), warnings)) {
                warnings.add("strace did not join: the recording ended within its first "
                        + Durations.format(Duration.ofNanos(baselineNanos())) + ", in which the JVM is recorded alone"
                        + " as the yardstick of what strace costs");
                return;
            }
            straced = joinStrace(directory, warnings, err);
        }
        window.awaitUntil(end, warnings);
    }

    /** With {@code --strace}, the JVM is recorded alone for this long first: the yardstick strace is measured by. */
    private long baselineNanos() {
        return duration == null ? STRACE_BASELINE_UNTIL_STOPPED.toNanos() : duration.toNanos() / 3;
    }

    /** @return strace, or null when it could not join (a warning says why) */
    private AttachedStrace joinStrace(Path directory, List<String> warnings, PrintWriter err)
            throws InterruptedException {
        try {
            AttachedStrace joined = AttachedStrace.join(pid, directory, attachTimeout.timeout());
            err.println("iotrace: strace joined pid " + pid + "; every syscall of it now stops it");
            err.flush();
            return joined;
        } catch (AttachedStrace.StraceUnavailable e) {
            warnings.add(e.getMessage() + "; recorded without strace");
            return null;
        }
    }

    private void printWithSyscalls(ProcessReport report, JavaCalls calls, List<String> warnings) throws IOException {
        if (output != null) {
            Files.copy(straced.log(), output.resolveSibling(output.getFileName() + ".strace.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        SyscallAnalysis analysis;
        try {
            analysis = SyscallAnalysis.of(List.of(calls), List.of(straced.log()), false,
                    (jvm, file, syscalls) -> BeforeAndAfterStrace.measure(file, straced.window()));
        } catch (SyscallLogException e) {
            warnings.add("no syscall report: " + e.getMessage());
            ReportPrinter.print(List.of(report), warnings, reportFormat.format, spec.commandLine().getOut());
            return;
        }
        SyscallOutput.print(List.of(report), warnings, analysis, reportFormat.format == ReportFormat.json,
                spec.commandLine().getOut());
    }
}
