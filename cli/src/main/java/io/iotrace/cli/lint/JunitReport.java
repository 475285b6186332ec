package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.Durations;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers render it: one suite per JVM, one failed test case per finding, and one passing case
 * for a JVM with none, so a clean run shows as green rather than empty.
 */
final class JunitReport {
    private JunitReport() {
    }

    static void write(List<ProcessLint> processes, PrintWriter out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuites");
        for (ProcessLint process : processes) {
            int findings = process.findings().size();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "iotrace lint JVM " + process.pid() + " " + process.command());
            xml.writeAttribute("tests", Integer.toString(Math.max(1, findings)));
            xml.writeAttribute("failures", Integer.toString(findings));
            xml.writeAttribute("errors", "0");
            if (findings == 0) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "iotrace.lint");
                xml.writeAttribute("name", "no blocking calls on event-loop threads");
                xml.writeEndElement();
            }
            for (Finding f : process.findings()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", f.topApplicationFrame() == null ? "iotrace.lint"
                        : f.topApplicationFrame().className());
                xml.writeAttribute("name", f.kind().id() + " at " + f.topApplicationFrame() + " [" + f.fingerprint() + "]");
                xml.writeAttribute("time", String.format("%.6f", f.totalNanos() / 1e9));
                xml.writeStartElement("failure");
                xml.writeAttribute("type", SarifReport.RULE_PREFIX + f.kind().id());
                xml.writeAttribute("message", f.kind().description() + " " + String.join(", ", f.threads()) + ": "
                        + f.count() + " calls, max " + Durations.readable(f.maxNanos()));
                xml.writeCharacters(f.stack().frames().stream().map(frame -> "at " + frame)
                        .collect(Collectors.joining("\n")));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        out.println();
    }
}
