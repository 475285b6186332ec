package io.iotrace.cli;

import io.iotrace.analyzers.correlate.StraceWindow;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.source.SyscallLogException;
import io.iotrace.cli.syscall.AnalyzeInputs;
import io.iotrace.cli.syscall.JavaCalls;
import io.iotrace.cli.syscall.SyscallAnalysis;
import io.iotrace.cli.syscall.SyscallOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iotrace analyze}: reports on recordings and syscall logs made earlier. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyze recordings (.iotrace files) and strace or perf trace logs made earlier and print"
                + " the report. Syscall logs given together are read as one trace (the files of strace -ff);"
                + " given with recordings of the same run (strace -f -ttt), each Java call is matched with the"
                + " syscalls its thread made.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportFormatOption reportFormat;

    @Option(names = "--strict", description = "fail on the first malformed line of a syscall log instead of"
            + " skipping and counting it")
    boolean strict;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recordings, folders of recordings (a rolling set"
            + " is read as one recording) and syscall logs to analyze")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        AnalyzeInputs inputs = sorted();
        boolean withSyscalls = !inputs.syscallLogs().isEmpty();
        List<ProcessReport> reports = new ArrayList<>();
        List<JavaCalls> calls = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (List<Path> set : Recordings.sets(inputs.recordings())) {
            if (withSyscalls) {
                JavaCalls fileCalls = new JavaCalls(set.get(set.size() - 1), StraceWindow.WHOLE_RUN);
                calls.add(fileCalls);
                reports.add(Recordings.analyze(set, warnings, fileCalls));
            } else {
                reports.add(Recordings.analyze(set, warnings));
            }
        }
        if (!withSyscalls) {
            ReportPrinter.print(reports, warnings, reportFormat.format, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        SyscallOutput.print(reports, warnings, syscalls(calls, inputs.syscallLogs()),
                reportFormat.format == ReportFormat.json, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The files given, a folder standing for the recordings in it (a rolling set, or those of a run). */
    private AnalyzeInputs sorted() throws IOException {
        List<Path> expanded = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                List<Path> recordings = Recordings.in(file);
                if (recordings.isEmpty()) {
                    throw new UserError(file + ": a folder with no iotrace recording (.iotrace file) in it");
                }
                expanded.addAll(recordings);
            } else {
                expanded.add(file);
            }
        }
        try {
            return AnalyzeInputs.sort(expanded);
        } catch (SyscallLogException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The syscall report, and each recording's calls matched with the syscalls of their threads. */
    private SyscallAnalysis syscalls(List<JavaCalls> calls, List<Path> logs) throws IOException {
        try {
            return SyscallAnalysis.of(calls, logs, strict, SyscallAnalysis.Slowdowns.UNKNOWN);
        } catch (SyscallLogException e) {
            throw new UserError(e.getMessage());
        }
    }
}
