package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.report.ProcessReport;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What a set of syscall logs shows: per process and thread, the I/O model, architecture, copies and waits.
 *
 * @param skippedLines lines that could not be read and were left out
 * @param warnings     the first problems met, with file and line
 */
public record SyscallReport(List<String> files, long lines, long events, long skippedLines, List<String> warnings,
                            List<ProcessReport> processes) {

    public Optional<ProcessReport> process(int pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst();
    }

    /** Writes the report as text for a terminal. */
    public void render(PrintWriter out) {
        SyscallReportRenderer.render(this, out);
    }
}
