package io.iotrace.cli;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.TextReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the reports of one or more traced JVMs as text for a person or JSON for a machine. */
public final class ReportPrinter {
    private ReportPrinter() {
    }

    /**
     * The JSON report's document: {@code schema}, {@code warnings} and {@code processes}, in that order. A caller
     * with more to say (the syscall output) adds its keys after them, so readers of the report need not change.
     */
    public static Map<String, Object> jsonDocument(List<ProcessReport> reports, List<String> warnings) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", ProcessReport.SCHEMA);
        document.put("warnings", warnings);
        document.put("processes", reports);
        return document;
    }

    static void print(List<ProcessReport> reports, List<String> warnings, ReportFormat format, PrintWriter out) {
        if (format == ReportFormat.json) {
            Json.print(jsonDocument(reports, warnings), out);
        } else {
            for (String warning : warnings) {
                out.println("warning: " + warning);
            }
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                TextReport.render(reports.get(i), out);
            }
            if (reports.isEmpty()) {
                out.println("No JVM was traced: the command started no Java process, or none lived long enough"
                        + " to load the agent.");
            }
        }
        out.flush();
    }
}
