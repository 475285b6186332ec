package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.SyntheticEvents;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.stats.WaitKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingAnalyzerTest {

    static final int CONNECTIONS = 2;
    static final int ROUND_TRIPS = 5;
    static final int MESSAGE = 100;

    /** A thread-per-connection echo server: one acceptor, one handler per connection, byte[] streams. */
    static ProcessReport echoServerReport(long dropped) {
        SyntheticEvents s = new SyntheticEvents();
        ThreadInfo acceptor = s.thread("main");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET, "0.0.0.0:5000");
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        analyzer.begin(new RecordingInfo(4242, "17.0.21", "io.iotrace.fixtures.BlockingEchoServer 5000",
                "sun.nio.ch.EPollSelectorProvider", 0, 0));
        for (int c = 0; c < CONNECTIONS; c++) {
            Resource conn = s.resource(ResourceKind.SOCKET, "127.0.0.1:5000->127.0.0.1:4000" + c);
            s.accept(acceptor, server, conn, true);
            ThreadInfo handler = s.thread("handler-" + (c + 1));
            for (int i = 0; i < ROUND_TRIPS; i++) {
                s.io(handler, Operation.READ, conn, MESSAGE, BufferKind.HEAP_ARRAY, 1_000_000L * (i + 1));
                s.io(handler, Operation.WRITE, conn, MESSAGE, BufferKind.HEAP_ARRAY, 20_000);
            }
        }
        s.feed(analyzer, dropped);
        return analyzer.report();
    }

    @Test
    void theReportCarriesTheSchemaTheDropsAndTheRecording() {
        ProcessReport r = echoServerReport(17);
        assertEquals("iotrace.report/4", r.schema());
        assertEquals(17, r.droppedEvents());
        assertEquals(4242, r.pid());
        assertEquals(Architecture.THREAD_PER_CONNECTION, r.architecture());
        assertEquals(IoModel.BLOCKING, r.ioModel());
        assertNull(r.mechanism());
        assertEquals(CONNECTIONS, r.connections());
    }

    @Test
    void eachHandlerShowsItsReadWaitsAndTwoCopiesPerByte() {
        ProcessReport r = echoServerReport(0);
        ThreadReport handler = r.threads().stream().filter(t -> t.name().equals("handler-1")).findFirst().orElseThrow();
        assertEquals(ThreadRole.CONNECTION_HANDLER, handler.role());
        assertEquals(1, handler.connections());
        WaitReport reads = handler.io().wait(WaitKind.READ);
        assertEquals(ROUND_TRIPS, reads.waits());
        assertEquals(15_000_000, reads.totalNanos());
        assertEquals(5_000_000, reads.maxNanos());
        assertTrue(reads.p50Nanos() >= 3_000_000 && reads.p50Nanos() <= 3_000_000 + 3_000_000 / 32);
        assertEquals(ROUND_TRIPS * MESSAGE, reads.bytes());
        CopyReport copies = handler.io().copies();
        assertEquals(2 * ROUND_TRIPS, copies.kernelUserCopies());
        assertEquals(2 * ROUND_TRIPS, copies.jdkCopies());
        assertEquals(2 * ROUND_TRIPS * MESSAGE, copies.bytesDelivered());
        assertEquals(2.0, copies.copiesPerByte());
    }

    @Test
    void groupsAndTotalsAddUpTheirThreads() {
        ProcessReport r = echoServerReport(0);
        GroupReport handlers = r.groups().stream().filter(g -> g.role() == ThreadRole.CONNECTION_HANDLER)
                .findFirst().orElseThrow();
        assertEquals("handler-1..2", handlers.label());
        assertEquals(CONNECTIONS, handlers.threads());
        assertEquals(CONNECTIONS * ROUND_TRIPS, handlers.io().wait(WaitKind.READ).waits());
        assertEquals(CONNECTIONS * 2 * ROUND_TRIPS * MESSAGE, r.totals().copies().bytesDelivered());
        assertEquals(CONNECTIONS * 15_000_000L + CONNECTIONS * ROUND_TRIPS * 20_000L + CONNECTIONS * 500L,
                r.totals().totalWaitNanos());
        assertTrue(handlers.questions().howItWaits().startsWith("blocks in read"));
        assertEquals("20 kernel↔user copies (1.95 KiB) + 20 JDK temporary direct-buffer copies (1.95 KiB): "
                + "2.00 copies per byte", handlers.questions().howDataMoves());
    }

    @Test
    void resourcesComeMostWaitedOnFirst() {
        ProcessReport r = echoServerReport(0);
        List<ResourceReport> resources = r.resources();
        assertEquals(CONNECTIONS + 1, resources.size());
        assertEquals("socket", resources.get(0).kind());
        for (int i = 1; i < resources.size(); i++) {
            assertTrue(resources.get(i - 1).io().totalWaitNanos() >= resources.get(i).io().totalWaitNanos());
        }
        assertEquals("server-socket", resources.get(CONNECTIONS).kind());
    }

    @Test
    void anEmptyRecordingGivesAnEmptyReportWithItsDrops() {
        RecordingAnalyzer analyzer = new RecordingAnalyzer();
        analyzer.end(3);
        ProcessReport r = analyzer.report();
        assertTrue(analyzer.ended());
        assertEquals(Architecture.NONE, r.architecture());
        assertEquals(IoModel.NONE, r.ioModel());
        assertEquals(3, r.droppedEvents());
        assertEquals(0, r.durationNanos());
        assertTrue(r.threads().isEmpty());
        assertNull(r.process());
    }
}
