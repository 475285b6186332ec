package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.model.SyntheticEvents;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {

    private static String render(ProcessReport report) {
        StringWriter text = new StringWriter();
        TextReport.render(report, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void theHeaderGivesTheArchitectureSentenceAndTheDrops() {
        String text = render(RecordingAnalyzerTest.echoServerReport(5));
        String[] lines = text.split("\n");
        assertEquals("iotrace report: pid 4242, java 17.0.21, io.iotrace.fixtures.BlockingEchoServer 5000", lines[0]);
        assertTrue(lines[1].endsWith(", 22 events, 5 dropped (figures below miss them)"), lines[1]);
        assertEquals("  architecture thread-per-connection: one thread accepts 2 connections; 2 threads serve 2 "
                + "connections, blocking in read and write", lines[2]);
        assertEquals("  I/O model    blocking (confidence high)", lines[3]);
    }

    @Test
    void groupsShowTheirWaitsInReadableUnitsAndTheSeedQuestions() {
        String text = render(RecordingAnalyzerTest.echoServerReport(0));
        assertTrue(text.contains("  connection-handler  handler-1..2  (2 threads, 2 connections)\n"), text);
        assertTrue(text.contains("    waits      read 10× 30.0 ms (p50 3.01 ms, p99 5.00 ms, max 5.00 ms), "
                + "write 10× 200 µs"), text);
        assertTrue(text.contains("    │ how the data gets to user space │ 20 kernel↔user copies (1.95 KiB) + 20 JDK "
                + "temporary direct-buffer copies (1.95 KiB): 2.00 copies per byte\n"), text);
    }

    @Test
    void theLargestWaitsComeFirst() {
        String text = render(RecordingAnalyzerTest.echoServerReport(0));
        int table = text.indexOf("Largest waits\n");
        String[] rows = text.substring(table).split("\n");
        assertTrue(rows[1].matches(" +thread +call +waits +total +p50 +p99 +max"), rows[1]);
        assertTrue(rows[2].matches(" +handler-\\d +read +5 +15\\.0 ms +3\\.01 ms +5\\.00 ms +5\\.00 ms"), rows[2]);
        assertTrue(rows[4].matches(" +handler-\\d +write +5 +100 µs .*"), rows[4]);
    }

    @Test
    void idleGroupsSayWhyInOneLineWithoutTheSeedQuestions() {
        SyntheticEvents s = new SyntheticEvents();
        ThreadInfo watcher = s.thread("stdin-watch");
        Resource stdin = s.resource(ResourceKind.FILE_INPUT_STREAM, "<stdin>");
        s.io(watcher, Operation.READ, stdin, 0, BufferKind.HEAP_ARRAY, 5_000_000);
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        s.feed(analyzer, 0);

        String text = render(analyzer.report());
        assertTrue(text.contains("  idle  stdin-watch  (1 thread)\n    evidence   1 read of standard input, no other"
                + " I/O\n"), text);
        assertFalse(text.contains("how it waits"), text);
        assertFalse(text.contains("Largest waits"), "an idle thread's wait on standard input is not listed: " + text);
    }
}
