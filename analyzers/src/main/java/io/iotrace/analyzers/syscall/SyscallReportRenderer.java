package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.TextReport;

import java.io.PrintWriter;

/** Writes a {@link SyscallReport} as text: what was read, then each process as a recording's report is written. */
final class SyscallReportRenderer {
    private SyscallReportRenderer() {
    }

    static void render(SyscallReport report, PrintWriter out) {
        out.printf("syscall log: %s%n", String.join(", ", report.files()));
        out.printf("  %d lines, %d events, %d skipped%n", report.lines(), report.events(), report.skippedLines());
        for (String warning : report.warnings()) {
            out.printf("  warning: %s%n", warning);
        }
        for (ProcessReport process : report.processes()) {
            out.println();
            TextReport.render(process, out);
        }
        out.flush();
    }
}
