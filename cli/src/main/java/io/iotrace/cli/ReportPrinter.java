package io.iotrace.cli;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ProcessSummary;
import io.iotrace.analyzers.report.TextReport;
import io.iotrace.analyzers.summary.SummaryJson;
import io.iotrace.analyzers.summary.SummaryText;
import io.iotrace.analyzers.summary.SummaryTimeline;
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
        print(reports, List.of(), warnings, format, out);
    }

    /**
     * As {@link #print(List, List, ReportFormat, PrintWriter)}, each text report followed by how the agent's summaries
     * changed over the run ({@code summaries}: one per report, or none); a recording of summaries only is shown as
     * its summaries, not as a report of calls it does not hold.
     */
    static void print(List<ProcessReport> reports, List<SummaryTimeline> summaries, List<String> warnings,
                      ReportFormat format, PrintWriter out) {
        if (format == ReportFormat.json) {
            Map<String, Object> document = jsonDocument(reports, warnings);
            if (summaries.stream().anyMatch(t -> t.lastSnapshot() != null)) {
                // One per process, in the order of processes; null for a recording without snapshots.
                document.put("summaries", summaries.stream().map(SummaryJson::of).toList());
            }
            Json.print(document, out);
        } else {
            for (String warning : warnings) {
                out.println("warning: " + warning);
            }
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                SummaryTimeline timeline = summaries.isEmpty() ? null : summaries.get(i);
                if (timeline != null && timeline.lastSnapshot() != null && !timeline.lastSnapshot().callsRecorded()) {
                    ProcessSummary rec = reports.get(i).process();
                    SummaryText.renderSummaryOnlyHeading(rec == null ? "a JVM"
                            : "pid " + rec.pid() + ", java " + rec.javaVersion() + ", " + rec.command(), out);
                } else {
                    TextReport.render(reports.get(i), out);
                }
                if (timeline != null) {
                    SummaryText.render(timeline, out);
                }
            }
            if (reports.isEmpty()) {
                out.println("No JVM was traced: the command started no Java process, or none lived long enough"
                        + " to load the agent.");
            }
        }
        out.flush();
    }
}
