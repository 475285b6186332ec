package io.iotrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the reports of one or more traced JVMs as text for a person or JSON for a machine. */
final class ReportPrinter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    private ReportPrinter() {
    }

    static void print(List<ProcessReport> reports, List<String> warnings, ReportFormat format, PrintWriter out) {
        if (format == ReportFormat.json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("schema", ProcessReport.SCHEMA);
            document.put("warnings", warnings);
            document.put("processes", reports);
            try {
                out.println(JSON.writeValueAsString(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
