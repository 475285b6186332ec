package io.iotrace.cli;

import io.iotrace.analyzers.report.ProcessReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iotrace analyze}: reports on recordings made earlier. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyze recordings (.iotrace files) made earlier and print the report.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recordings to analyze")
    List<Path> files;

    @Override
    public Integer call() {
        List<ProcessReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(Recordings.analyze(file));
        }
        ReportPrinter.print(reports, List.of(), format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
