package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.CorrelationReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.SourceAgreement;
import io.iotrace.analyzers.report.TextReport;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.cli.Json;
import io.iotrace.cli.ReportPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the reports when syscall logs were among the inputs: the recordings' reports, the syscall logs' processes,
 * then each recording's calls matched with their syscalls. In JSON every process, from a recording or a syscall log,
 * is one entry of {@code processes} in the one report schema (its {@code source} says which);
 * {@code syscallLog} says what was read, {@code correlations} the matched calls, and {@code agreement}, per JVM in
 * both, whether the two sources name the same model and architecture and, where not, why.
 */
public final class SyscallOutput {
    private SyscallOutput() {
    }

    /** @param warnings about the recordings (a cut one), printed before everything else */
    public static void print(List<ProcessReport> recordings, List<String> warnings, SyscallAnalysis analysis,
                             boolean json, PrintWriter out) {
        List<String> allWarnings = new ArrayList<>(warnings);
        SyscallReport syscalls = analysis.syscalls();
        List<SourceAgreement> agreements = recordings.stream()
                .flatMap(r -> SourceAgreement.of(r, syscalls.processes()).stream()).toList();
        if (json) {
            allWarnings.addAll(syscalls.warnings());
            analysis.correlations().forEach(c -> allWarnings.addAll(c.warnings()));
            List<ProcessReport> processes = new ArrayList<>(recordings);
            processes.addAll(syscalls.processes());
            Map<String, Object> document = ReportPrinter.jsonDocument(processes, allWarnings);
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("files", syscalls.files());
            read.put("lines", syscalls.lines());
            read.put("events", syscalls.events());
            read.put("skippedLines", syscalls.skippedLines());
            document.put("syscallLog", read);
            document.put("correlations", analysis.correlations());
            document.put("agreement", agreements);
            Json.print(document, out);
        } else {
            for (String warning : allWarnings) {
                out.println("warning: " + warning);
            }
            for (ProcessReport report : recordings) {
                TextReport.render(report, out);
                out.println();
            }
            syscalls.render(out);
            for (SourceAgreement agreement : agreements) {
                out.println();
                out.println(agreement.agree()
                        ? "recording and syscall log of process " + agreement.pid() + " agree: " + agreement.recording()
                        : "recording and syscall log of process " + agreement.pid() + " differ: the recording says "
                        + agreement.recording() + ", the syscalls " + agreement.syscalls() + ": " + agreement.why());
            }
            for (CorrelationReport correlation : analysis.correlations()) {
                out.println();
                correlation.render(out);
            }
        }
        out.flush();
    }
}
