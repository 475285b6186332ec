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

    static void write(List<ProcessLint> processes, boolean failOnStartup, PrintWriter out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuites");
        for (ProcessLint process : processes) {
            int startUp = process.startUp().size();
            int findings = process.findings().size() + (failOnStartup ? startUp : 0);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "iotrace lint JVM " + process.pid() + " " + process.command());
            xml.writeAttribute("tests", Integer.toString(Math.max(1, process.findings().size() + startUp)));
            xml.writeAttribute("failures", Integer.toString(findings));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(failOnStartup ? 0 : startUp));
            if (process.findings().size() + startUp == 0) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "iotrace.lint");
                xml.writeAttribute("name", "no blocking calls on event-loop threads");
                xml.writeEndElement();
            }
            for (Finding f : process.findings()) {
                testCase(xml, f, false);
            }
            // A start-up wait is a skipped case, shown but not failing, unless asked to fail.
            for (Finding f : process.startUp()) {
                testCase(xml, f, !failOnStartup);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        out.println();
    }

    private static void testCase(XMLStreamWriter xml, Finding f, boolean skipped) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", f.topApplicationFrame() == null ? "iotrace.lint"
                : f.topApplicationFrame().className());
        xml.writeAttribute("name", f.kind().id() + " at " + f.topApplicationFrame() + " [" + f.fingerprint() + "]");
        xml.writeAttribute("time", String.format("%.6f", f.totalNanos() / 1e9));
        String message = f.kind().description() + " " + String.join(", ", f.threads()) + ": " + f.count()
                + " calls, max " + Durations.readable(f.maxNanos())
                + (f.startUp() ? "; at start-up, " + f.startUpRule() : "");
        if (skipped) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", message);
            xml.writeEndElement();
            xml.writeStartElement("system-out");
        } else {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", SarifReport.RULE_PREFIX + f.kind().id());
            xml.writeAttribute("message", message);
        }
        xml.writeCharacters(f.stack().frames().stream().map(frame -> "at " + frame)
                .collect(Collectors.joining("\n")));
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
