package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.report.SyscallFigures;
import io.iotrace.analyzers.report.ThreadReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real recordings made by src/test/native/record-golden-logs.sh (strace, perf trace and perf script of the same
 * programs): each program's known I/O model is found.
 */
class GoldenLogClassificationTest {

    static Path golden(String name) {
        try {
            return Path.of(GoldenLogClassificationTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SyscallReport analyze(String name) throws Exception {
        return SyscallLogAnalyzer.analyze(List.of(golden(name)), true);
    }

    private static ProcessReport first(SyscallReport report) {
        return report.processes().get(0);
    }

    @Test
    void busyNonBlockingReadsAreNonBlockingPolling() throws Exception {
        ProcessReport process = first(analyze("busy-nonblocking-read.log"));
        assertEquals(IoModel.NON_BLOCKING_POLLING, process.verdict().model());
        assertEquals(ThreadRole.EVENT_LOOP, process.threads().get(0).role());
        assertEquals(Architecture.NONE, process.architecture());
        // The program reads until 3 messages of 4 bytes arrived; every other read said EAGAIN.
        SyscallFigures reads = process.syscall("read");
        assertEquals(3, process.totals().wait(WaitKind.WRITE).calls());
        assertEquals(12, process.totals().wait(WaitKind.WRITE).bytes());
        assertTrue(reads.failures() > 100, "EAGAIN reads: " + reads.failures());
        assertTrue(reads.p50Nanos() <= reads.p99Nanos() && reads.p99Nanos() <= reads.maxNanos());
    }

    @Test
    void selectServerIsASingleEventLoopMultiplexingWithPselect6() throws Exception {
        SyscallReport report = analyze("select-server.log");
        ProcessReport server = first(report);
        assertEquals(IoModel.MULTIPLEXING, server.verdict().model());
        assertEquals(Mechanism.SELECT, server.verdict().mechanism());
        assertEquals(Architecture.SINGLE_EVENT_LOOP, server.architecture());
        assertEquals(ThreadRole.EVENT_LOOP, server.threads().get(0).role());
        assertEquals(4, report.processes().size(), "the server and its 3 forked clients");
        for (ProcessReport client : report.processes().subList(1, 4)) {
            assertEquals(server.pid(), client.process().parentPid());
            assertEquals(IoModel.BLOCKING, client.verdict().model());
            assertEquals(5, client.totals().wait(WaitKind.WRITE).bytes(), "each client writes hello");
        }
    }

    @Test
    void fasyncAndSigioMakeTheReaderSignalDriven() throws Exception {
        ProcessReport reader = first(analyze("sigio.log"));
        assertEquals(IoModel.SIGNAL_DRIVEN, reader.verdict().model());
        assertEquals(Mechanism.SIGNAL, reader.verdict().mechanism());
        assertTrue(reader.verdict().evidence().contains("F_SETOWN"), reader.verdict().evidence());
    }

    @Test
    void ioUringReaderIsAsyncAndItsReadsAreInvisibleToStrace() throws Exception {
        ProcessReport reader = first(analyze("io-uring.log"));
        assertEquals(IoModel.ASYNC, reader.verdict().model());
        assertEquals(Mechanism.IO_URING, reader.verdict().mechanism());
        assertEquals(ThreadRole.COMPLETION_HANDLER, reader.threads().get(0).role());
        // 20000 bytes in 4 KiB reads: 5 with data and 1 at end of file, each one io_uring_enter.
        assertEquals(6, reader.syscall("io_uring_enter").calls());
    }

    @Test
    void ddCopiesItsInputWithBlockingReadsAndWrites() throws Exception {
        ProcessReport dd = first(analyze("dd.log"));
        assertEquals(IoModel.BLOCKING, dd.verdict().model());
        assertEquals(Architecture.NONE, dd.architecture());
        assertEquals(ThreadRole.OTHER, dd.threads().get(0).role());
        assertEquals(5, dd.totals().wait(WaitKind.WRITE).calls(), "20000 bytes with bs=4096");
        assertEquals(20000, dd.totals().wait(WaitKind.WRITE).bytes());
        assertTrue(dd.totals().wait(WaitKind.READ).bytes() >= 20000);
    }

    @Test
    void pythonHttpServerStartsAThreadPerConnectionThatReadsBlocking() throws Exception {
        ProcessReport server = first(analyze("python-http-server.log"));
        assertEquals(Architecture.THREAD_PER_CONNECTION, server.architecture());
        assertEquals(IoModel.BLOCKING, server.verdict().model());
        ThreadReport main = server.threads().get(0);
        assertEquals(IoModel.MULTIPLEXING, main.verdict().model(), "serve_forever waits in poll()");
        assertEquals(Mechanism.POLL, main.verdict().mechanism());
        List<ThreadReport> handlers = server.threads().stream()
                .filter(t -> t.role() == ThreadRole.CONNECTION_HANDLER).toList();
        assertEquals(3, handlers.size(), "one thread per curl request");
        handlers.forEach(h -> assertEquals(IoModel.BLOCKING, h.verdict().model()));
        assertEquals("killed by SIGTERM", server.process().exit());
        SyscallFigures polls = server.syscall("poll");
        assertNotNull(polls);
        assertTrue(polls.calls() >= 3, "a poll before each of the 3 accepts: " + polls.calls());
        assertEquals(polls.calls(), polls.timedCalls(), "-T gave every poll a duration");
    }

    @Test
    void perfTraceOfTheBusyReaderIsNonBlockingPollingToo() throws Exception {
        ProcessReport process = first(analyze("busy-nonblocking-read.perf-trace.log"));
        assertEquals(IoModel.NON_BLOCKING_POLLING, process.verdict().model());
        assertEquals(2, process.totals().wait(WaitKind.WRITE).calls(), "the tail of the log holds the last two writes");
    }

    @Test
    void perfScriptOfRawSyscallsPairsEnterAndExitAndFindsTheBusyReaderPolling() throws Exception {
        ProcessReport process = first(analyze("busy-nonblocking-read.perf-script-raw.log"));
        assertEquals(IoModel.NON_BLOCKING_POLLING, process.verdict().model());
        assertEquals(ThreadRole.EVENT_LOOP, process.threads().get(0).role());
        // Counted by hand in the log: 451 reads (NR 0), 448 of them = -11 (EAGAIN), 3 of 4 bytes; 3 writes (NR 1).
        SyscallFigures reads = process.syscall("read");
        assertEquals(451, reads.calls());
        assertEquals(448, reads.failures());
        assertEquals(451, reads.timedCalls(), "each read's exit gave it a duration");
        assertEquals(12, process.totals().wait(WaitKind.READ).bytes());
        assertEquals(3, process.totals().wait(WaitKind.WRITE).calls());
        assertEquals(12, process.totals().wait(WaitKind.WRITE).bytes());
        assertEquals("exited with 0", process.process().exit(), "exit_group(0), which never returns");
    }

    @Test
    void perfScriptOfNamedSyscallTracepointsFindsTheSelectServerAndItsForkedClients() throws Exception {
        SyscallReport report = analyze("select-server.perf-script.log");
        ProcessReport server = first(report);
        assertEquals(IoModel.MULTIPLEXING, server.verdict().model());
        assertEquals(Mechanism.SELECT, server.verdict().mechanism());
        assertEquals(Architecture.SINGLE_EVENT_LOOP, server.architecture());
        assertEquals(6, server.syscall("pselect6").calls());
        assertEquals(3, server.syscall("accept").calls());
        assertEquals(15, server.totals().wait(WaitKind.WRITE).bytes(), "hello echoed to each of 3 clients");
        assertEquals(4, report.processes().size(), "the server and its 3 forked clients");
        for (ProcessReport client : report.processes().subList(1, 4)) {
            assertEquals(server.pid(), client.process().parentPid(), "clone without CLONE_THREAD is a fork");
            assertEquals(IoModel.BLOCKING, client.verdict().model());
            assertEquals(ThreadRole.CLIENT, client.threads().get(0).role());
            assertEquals(5, client.totals().wait(WaitKind.WRITE).bytes(), "each client writes hello");
            assertEquals("exited with 0", client.process().exit());
        }
    }

    @Test
    void perfScriptOfIoUringTracepointsShowsTheOperationsStraceCannotSee() throws Exception {
        ProcessReport reader = first(analyze("io-uring.perf-script.log"));
        assertEquals(IoModel.ASYNC, reader.verdict().model());
        assertEquals(Mechanism.IO_URING, reader.verdict().mechanism());
        assertEquals(ThreadRole.COMPLETION_HANDLER, reader.threads().get(0).role());
        // 20000 bytes in 4 KiB reads: 5 with data and 1 at end of file, one io_uring_enter each.
        assertEquals(6, reader.syscall("io_uring_submit_req").calls());
        assertEquals(6, reader.syscall("io_uring_complete").calls());
        assertEquals(6, reader.syscall("io_uring_enter").calls());
        assertTrue(reader.verdict().evidence().contains("1 rings set up"), reader.verdict().evidence());
    }

    @Test
    void anStraceLogPrintedInCompletionOrderGivesTheSameModelsAsOneInOrder() throws Exception {
        Path log = golden("python-http-server.completion-order.log");
        assertTrue(linesOutOfTimeOrder(log) > 0, "strace -z prints a call when it returns, stamped with its start");
        ProcessReport inOrder = first(analyze("python-http-server.log"));
        ProcessReport completionOrder = first(analyze("python-http-server.completion-order.log"));
        assertEquals(Architecture.THREAD_PER_CONNECTION, completionOrder.architecture());
        assertEquals(inOrder.architecture(), completionOrder.architecture());
        assertEquals(inOrder.verdict().model(), completionOrder.verdict().model());
        assertEquals(inOrder.threads().stream().map(t -> t.verdict().model() + " " + t.role()).toList(),
                completionOrder.threads().stream().map(t -> t.verdict().model() + " " + t.role()).toList(),
                "the main thread first, then one blocking handler per request, in both");
        assertEquals(Mechanism.POLL, completionOrder.threads().get(0).verdict().mechanism());
    }

    /** Lines stamped earlier than a line above them ({@code -ttt} stamps are the second field). */
    private static long linesOutOfTimeOrder(Path log) throws Exception {
        double latest = 0;
        long earlier = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            double stamp = Double.parseDouble(line.split(" +")[1]);
            if (stamp < latest) {
                earlier++;
            }
            latest = Math.max(latest, stamp);
        }
        return earlier;
    }
}
