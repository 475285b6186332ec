package io.iotrace.cli;

import io.iotrace.analyzers.correlate.StraceSlowdown;
import io.iotrace.analyzers.correlate.StraceWindow;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.source.SyscallLogException;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.cli.syscall.JavaCalls;
import io.iotrace.cli.syscall.StraceCalibration;
import io.iotrace.cli.syscall.StraceWrapper;
import io.iotrace.cli.syscall.SyscallAnalysis;
import io.iotrace.cli.syscall.SyscallOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iotrace run}: traces every JVM a command starts, then prints the report on standard error (as strace,
 * {@code perf stat} and {@code time} do), so that the command's standard output stays the command's.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a command, trace every JVM it starts, and report how each one did its I/O on standard"
                + " error (or --report FILE). The exit code is the command's.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "keep the recordings (one .iotrace file per JVM) in DIR; by default they are deleted")
    Path output;

    @Option(names = "--report", paramLabel = "FILE", description = "write the report to FILE (readable by its"
            + " owner only), or to standard output with '-'; by default it goes to standard error")
    String reportTo;

    @Mixin
    ReportFormatOption reportFormat;

    @Option(names = "--strace", description = "also run the command under strace (-f, with a seccomp filter) and"
            + " match each Java call with the syscalls its thread made; the log is kept as strace.log in DIR")
    boolean strace;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command to run, after --")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        Path agentJar = Artifacts.agentJar();
        // Opened before the command runs: a report that cannot be written is said at once, not after the run.
        try (PrintWriter reportFile = reportTo == null || reportTo.equals("-") ? null
                : new PrintWriter(OwnerOnly.newWriter(Path.of(reportTo)))) {
            PrintWriter out = reportFile != null ? reportFile
                    : reportTo == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
            Path directory = output != null ? OwnerOnly.createDirectories(output)
                    : Files.createTempDirectory("iotrace-");
            TracedCommand traced = new TracedCommand(strace ? StraceWrapper.wrap(command, directory.toAbsolutePath())
                    : command, agentJar, directory.toAbsolutePath()).deletingRecordingsAfterReport(output == null);
            long start = System.nanoTime();
            return traced.runThenReport(exitCode -> {
                report(directory, System.nanoTime() - start, out);
                return exitCode;
            });
        }
    }

    private void report(Path directory, long wallNanos, PrintWriter out) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<ProcessReport> reports = new ArrayList<>();
        List<JavaCalls> calls = new ArrayList<>();
        for (List<Path> set : Recordings.sets(Recordings.in(directory))) {
            if (strace) {
                JavaCalls fileCalls = new JavaCalls(set.get(set.size() - 1), StraceWindow.WHOLE_RUN);
                calls.add(fileCalls);
                reports.add(Recordings.analyzeTolerant(set, warnings, fileCalls));
            } else {
                reports.add(Recordings.analyzeTolerant(set, warnings));
            }
        }
        if (strace) {
            reportWithSyscalls(directory, reports, calls, warnings, wallNanos, out);
            return;
        }
        ReportPrinter.print(reports, warnings, reportFormat.format, out);
    }

    private void reportWithSyscalls(Path directory, List<ProcessReport> reports, List<JavaCalls> calls,
                                    List<String> warnings, long wallNanos, PrintWriter out) throws IOException {
        SyscallAnalysis analysis;
        try {
            analysis = SyscallAnalysis.of(calls, List.of(StraceWrapper.log(directory)), false,
                    new EstimatedSlowdowns(directory, wallNanos));
        } catch (SyscallLogException e) {
            // strace failed or wrote nothing: the recordings were measured and are still reported.
            warnings.add("no syscall report: " + e.getMessage());
            ReportPrinter.print(reports, warnings, reportFormat.format, out);
            return;
        }
        SyscallOutput.print(reports, warnings, analysis, reportFormat.format == ReportFormat.json, out);
        out.flush();
    }

    /**
     * Calibrated after the command, so that the calibration's load does not slow the command itself, and only once
     * a traced JVM's syscalls were read: it takes a few seconds.
     */
    private static final class EstimatedSlowdowns implements SyscallAnalysis.Slowdowns {
        private final Path directory;
        private final long wallNanos;
        private final List<String> why = new ArrayList<>();
        private StraceCalibration calibration;
        private boolean calibrated;

        EstimatedSlowdowns(Path directory, long wallNanos) {
            this.directory = directory;
            this.wallNanos = wallNanos;
        }

        @Override
        public StraceSlowdown of(long pid, Path recording, SyscallReport syscalls) {
            if (!calibrated) {
                calibration = StraceCalibration.measure(directory, why);
                calibrated = true;
            }
            return calibration == null ? StraceSlowdown.unknown("not estimated: " + String.join("; ", why))
                    : calibration.slowdownOf(pid, syscalls, wallNanos);
        }
    }
}
