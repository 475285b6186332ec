package io.iotrace.cli;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.TextReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the reports of one or more traced JVMs as text for a person or JSON for a machine. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(List<ProcessReport> reports, List<String> warnings, ReportFormat format, PrintWriter out) {
        if (format == ReportFormat.json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("schema", ProcessReport.SCHEMA);
            document.put("warnings", warnings);
            document.put("processes", reports);
            Json.print(document, out);
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
