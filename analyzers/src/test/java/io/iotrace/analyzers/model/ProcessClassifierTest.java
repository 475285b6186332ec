package io.iotrace.analyzers.model;

import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessClassifierTest {

    private final SyntheticEvents s = new SyntheticEvents();

    private static ThreadClassification thread(ProcessClassification c, ThreadInfo t) {
        return c.threads().stream().filter(x -> x.threadKey() == t.key()).findFirst().orElseThrow();
    }

    private List<Resource> connections(ResourceKind kind, int n) {
        List<Resource> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(s.resource(kind, "127.0.0.1:5000->127.0.0.1:" + (40000 + i)));
        }
        return list;
    }

    private void echo(ThreadInfo t, Resource connection, int roundTrips, boolean blocking) {
        for (int i = 0; i < roundTrips; i++) {
            if (blocking) {
                s.io(t, Operation.READ, connection, 128, BufferKind.HEAP_ARRAY, 50_000);
                s.io(t, Operation.WRITE, connection, 128, BufferKind.HEAP_ARRAY, 3_000);
            } else {
                s.nonBlocking(t, Operation.READ, connection, 128, 2_000);
                s.nonBlocking(t, Operation.WRITE, connection, 128, 2_000);
            }
        }
    }

    @Test
    void anEmptyRecordingServesNothingAndHasNoModel() {
        ProcessClassification c = s.classify();
        assertEquals(Architecture.NONE, c.architecture().architecture());
        assertEquals(IoModel.NONE, c.architecture().ioModel());
        assertTrue(c.threads().isEmpty());
        assertTrue(c.groups().isEmpty());
    }

    @Test
    void blockingHandlersPerConnectionAreThreadPerConnection() {
        ThreadInfo acceptor = s.thread("main");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET, "0.0.0.0:5000");
        List<Resource> conns = connections(ResourceKind.SOCKET, 3);
        List<ThreadInfo> handlers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            s.accept(acceptor, server, conns.get(i), true);
            handlers.add(s.thread("conn-" + i));
        }
        for (int i = 0; i < 3; i++) {
            echo(handlers.get(i), conns.get(i), 10, true);
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.THREAD_PER_CONNECTION, c.architecture().architecture());
        assertEquals(IoModel.BLOCKING, c.architecture().ioModel());
        assertEquals(3, c.architecture().connections());
        assertEquals(ThreadRole.ACCEPTOR, thread(c, acceptor).role());
        assertEquals(ThreadRole.CONNECTION_HANDLER, thread(c, handlers.get(1)).role());
        assertEquals(1, thread(c, handlers.get(1)).connections());
        assertEquals("one thread accepts 3 connections; 3 threads serve 3 connections, blocking in read and write",
                c.architecture().sentence());
        ThreadGroup handlerGroup = c.groups().stream().filter(g -> g.role() == ThreadRole.CONNECTION_HANDLER)
                .findFirst().orElseThrow();
        assertEquals("conn-0..2", handlerGroup.label());
        assertEquals(3, handlerGroup.members().size());
        assertEquals("20 blocking network calls (10 reads, 0 accepts) waiting 500 µs for data or connections,"
                + " 0 non-blocking",
                thread(c, handlers.get(0)).verdict().evidence());
    }

    @Test
    void oneSelectorThreadThatAcceptsAndReadsIsASingleEventLoopOnEpoll() {
        ThreadInfo loop = s.thread("loop");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 4);
        for (Resource conn : conns) {
            s.select(loop, selector, 1, 1, 10_000);
            s.accept(loop, server, conn, false);
        }
        for (int round = 0; round < 5; round++) {
            s.select(loop, selector, 5, 4, 10_000);
            conns.forEach(conn -> echo(loop, conn, 1, false));
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.SINGLE_EVENT_LOOP, c.architecture().architecture());
        assertEquals(IoModel.MULTIPLEXING, c.architecture().ioModel());
        assertEquals(Mechanism.EPOLL, c.architecture().mechanism());
        assertEquals(ThreadRole.EVENT_LOOP, thread(c, loop).role());
        assertEquals(4, thread(c, loop).connections());
        assertEquals("9 readiness waits (select 9) waiting 90.0 µs and finding 24 ready, 100% of its 44 I/O calls"
                + " non-blocking, 0 blocking reads",
                thread(c, loop).verdict().evidence());
        assertEquals("one selector thread accepts and reads all 4 connections", c.architecture().sentence());
    }

    @Test
    void threadsWritingOnALoopsConnectionsWithoutSelectingAreWorkers() {
        ThreadInfo loop = s.thread("loop");
        Resource selector = s.resource(ResourceKind.SELECTOR, "sun.nio.ch.PollSelectorImpl");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 4);
        List<ThreadInfo> workers = List.of(s.thread("pool-1-thread-1"), s.thread("pool-1-thread-2"));
        for (Resource conn : conns) {
            s.select(loop, selector, 1, 1, 10_000);
            s.accept(loop, server, conn, false);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < conns.size(); i++) {
                s.select(loop, selector, 5, 1, 10_000);
                s.nonBlocking(loop, Operation.READ, conns.get(i), 128, 1_000);
                s.nonBlocking(workers.get(i % 2), Operation.WRITE, conns.get(i), 128, 1_000);
            }
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, c.architecture().architecture());
        assertEquals(Mechanism.POLL, c.architecture().mechanism());
        assertEquals(ThreadRole.EVENT_LOOP, thread(c, loop).role());
        assertEquals(ThreadRole.WORKER, thread(c, workers.get(0)).role());
        assertEquals(IoModel.MULTIPLEXING, thread(c, workers.get(0)).verdict().model());
        assertEquals("handed-over", thread(c, workers.get(0)).verdict().detector());
        assertEquals("one selector thread accepts and reads all 4 connections; 2 workers do the rest of their I/O"
                + " with non-blocking calls",
                c.architecture().sentence());
    }

    @Test
    void severalSelectorLoopsFedByAnAcceptorAreMultiEventLoopWithTheirSpread() {
        ThreadInfo acceptor = s.thread("acceptor");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        List<ThreadInfo> loops = List.of(s.thread("loop-1"), s.thread("loop-2"));
        List<Resource> selectors = List.of(s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL),
                s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL));
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 5);
        conns.forEach(conn -> s.accept(acceptor, server, conn, true));
        for (int i = 0; i < conns.size(); i++) {
            int owner = i < 3 ? 0 : 1;
            s.select(loops.get(owner), selectors.get(owner), 3, 1, 5_000);
            s.select(loops.get(owner), selectors.get(owner), 3, 1, 5_000);
            echo(loops.get(owner), conns.get(i), 2, false);
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.MULTI_EVENT_LOOP, c.architecture().architecture());
        assertEquals(ThreadRole.ACCEPTOR, thread(c, acceptor).role());
        assertEquals(IoModel.BLOCKING, thread(c, acceptor).verdict().model());
        assertEquals(List.of(3, 2), c.architecture().spread().stream().map(ConnectionShare::connections).toList());
        assertEquals("one thread accepts 5 connections; 2 selectors each own some of the 5 connections (3, 2)",
                c.architecture().sentence());
    }

    /**
     * A starved run (load average 25, as the corpus's reactor-netty was once recorded) gave two of four loops a single
     * wait in their own selectors before the reads it made ready: they were taken for the others' workers, and the
     * server came out multi-event-loop-with-worker-pool in 1 run of 5. A worker never waits for readiness itself.
     */
    @Test
    void aLoopThatWaitedOnceInItsOwnSelectorBeforeItsNonBlockingReadsIsALoopNotAWorker() {
        ThreadInfo acceptor = s.thread("acceptor");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        List<ThreadInfo> loops = List.of(s.thread("loop-1"), s.thread("loop-2"));
        List<Resource> selectors = List.of(s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL),
                s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL));
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 4);
        conns.forEach(conn -> s.accept(acceptor, server, conn, true));
        for (int i = 0; i < 3; i++) {
            s.select(loops.get(0), selectors.get(0), 3, 1, 5_000);
            echo(loops.get(0), conns.get(i), 2, false);
        }
        s.select(loops.get(1), selectors.get(1), 3, 1, 5_000);
        echo(loops.get(1), conns.get(3), 2, false);
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.EVENT_LOOP, thread(c, loops.get(1)).role(), thread(c, loops.get(1)).toString());
        assertEquals("multiplexing", thread(c, loops.get(1)).verdict().detector());
        assertEquals(Architecture.MULTI_EVENT_LOOP, c.architecture().architecture());
    }

    @Test
    void nonBlockingRetriesWithoutASelectorAreBusyPollingWithTheWastedCallsAndTheirTime() {
        ThreadInfo poller = s.thread("spinner");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 2);
        conns.forEach(conn -> s.accept(poller, server, conn, false));
        for (int i = 0; i < 30; i++) {
            s.nonBlocking(poller, Operation.READ, conns.get(i % 2), 0, 400);
        }
        conns.forEach(conn -> echo(poller, conn, 1, false));
        ProcessClassification c = s.classify();

        Verdict v = thread(c, poller).verdict();
        assertEquals(IoModel.NON_BLOCKING_POLLING, v.model());
        assertEquals("30 of 36 non-blocking calls found nothing (83%), 29 of them right after another with no wait"
                + " between, and burned 12.0 µs, 0 readiness waits",
                v.evidence());
        assertEquals(ThreadRole.EVENT_LOOP, thread(c, poller).role());
        assertEquals(Architecture.SINGLE_EVENT_LOOP, c.architecture().architecture());
        assertEquals(IoModel.NON_BLOCKING_POLLING, c.architecture().ioModel());
        assertEquals("one thread busy-polls without a selector: it accepts and reads all 2 connections",
                c.architecture().sentence());
    }

    @Test
    void aThreadThatSelectedOnceAndThenBlockedIsBlocking() {
        ThreadInfo t = s.thread("odd");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource conn = s.resource(ResourceKind.SOCKET_CHANNEL, "127.0.0.1:40000->127.0.0.1:5000");
        s.add(t, Operation.CONNECT, conn, true, 0, 0, Outcome.OK, BufferKind.NONE, 0, 1000);
        s.select(t, selector, 1, 1, 2_000);
        echo(t, conn, 8, true);
        ProcessClassification c = s.classify();

        Verdict v = thread(c, t).verdict();
        assertEquals(IoModel.BLOCKING, v.model());
        assertEquals("17 blocking network calls (8 reads, 0 accepts) waiting 400 µs for data or connections, 0 non-blocking,"
                + " 1 readiness wait", v.evidence());
        assertEquals(ThreadRole.CLIENT, thread(c, t).role());
        assertEquals(Architecture.NONE, c.architecture().architecture());
    }

    @Test
    void aClientThreadInsideAServerKeepsItsOwnRoleAndDoesNotChangeTheArchitecture() {
        ThreadInfo acceptor = s.thread("main");
        ThreadInfo handler = s.thread("handler");
        ThreadInfo client = s.thread("http-client");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET, "0.0.0.0:5000");
        Resource accepted = s.resource(ResourceKind.SOCKET, "127.0.0.1:5000->127.0.0.1:40000");
        Resource outbound = s.resource(ResourceKind.SOCKET, "127.0.0.1:41000->10.0.0.9:443");
        s.accept(acceptor, server, accepted, true);
        echo(handler, accepted, 6, true);
        s.add(client, Operation.CONNECT, outbound, true, 0, 0, Outcome.OK, BufferKind.NONE, 0, 90_000);
        echo(client, outbound, 6, true);
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.CLIENT, thread(c, client).role());
        assertEquals(ThreadRole.CONNECTION_HANDLER, thread(c, handler).role());
        assertEquals(Architecture.THREAD_PER_CONNECTION, c.architecture().architecture());
        assertEquals(1, c.architecture().connections());
    }

    @Test
    void threadsWithNoIoOrOnlyStandardInputOrTheJvmsOwnFilesAreIdle() {
        ThreadInfo stdin = s.thread("stdin-reader");
        ThreadInfo loader = s.thread("Reference Handler");
        ThreadInfo worker = s.thread("main");
        Resource in = s.resource(ResourceKind.FILE_INPUT_STREAM, "/dev/stdin");
        Resource fd0 = s.resource(ResourceKind.FILE_INPUT_STREAM, "fd 0");
        Resource jar = s.resource(ResourceKind.RANDOM_ACCESS_FILE, "/opt/app/lib/app.jar");
        Resource data = s.resource(ResourceKind.FILE_OUTPUT_STREAM, "/tmp/out.bin");
        s.io(stdin, Operation.READ, in, 10, BufferKind.HEAP_ARRAY, 5_000_000);
        s.io(stdin, Operation.READ, fd0, 10, BufferKind.HEAP_ARRAY, 5_000_000);
        s.io(loader, Operation.READ, jar, 4096, BufferKind.HEAP_ARRAY, 10_000);
        for (int i = 0; i < 6; i++) {
            s.io(worker, Operation.WRITE, data, 8192, BufferKind.HEAP_ARRAY, 10_000);
        }
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.IDLE, thread(c, stdin).role());
        assertEquals("2 reads of standard input, no other I/O", thread(c, stdin).verdict().evidence());
        assertEquals(ThreadRole.IDLE, thread(c, loader).role());
        assertEquals(ThreadRole.OTHER, thread(c, worker).role());
        assertEquals(IoModel.BLOCKING, thread(c, worker).verdict().model());
        assertEquals(Architecture.NONE, c.architecture().architecture());
        assertEquals(IoModel.BLOCKING, c.architecture().ioModel());
    }

    @Test
    void aThreadThatSwitchesFromBlockingToASelectorIsMultiplexingWithMediumConfidence() {
        ThreadInfo t = s.thread("switcher");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource conn = s.resource(ResourceKind.SOCKET_CHANNEL, "127.0.0.1:40000->127.0.0.1:5000");
        echo(t, conn, 3, true);
        for (int i = 0; i < 10; i++) {
            s.select(t, selector, 1, 1, 3_000);
            echo(t, conn, 1, false);
        }
        Verdict v = thread(s.classify(), t).verdict();
        assertEquals(IoModel.MULTIPLEXING, v.model());
        assertEquals(Confidence.MEDIUM, v.confidence());
        assertTrue(v.evidence().endsWith("switched from blocking (6 calls) to a selector"), v.evidence());
    }

    @Test
    void asyncSocketCompletionsMakeAsyncCompletionHandlersAndSayWhatTheJdkDoesUnderneath() {
        ThreadInfo main = s.thread("main");
        ThreadInfo handler = s.thread("Thread-0");
        Resource server = s.resource(ResourceKind.ASYNC_SERVER_SOCKET_CHANNEL, "0.0.0.0:5000");
        Resource conn = s.resource(ResourceKind.ASYNC_SOCKET_CHANNEL, "127.0.0.1:5000->127.0.0.1:40000");
        s.add(main, Operation.ASYNC_SUBMIT, server, false, 0, 0, Outcome.OK, BufferKind.NONE, 1, 1_000);
        s.add(handler, Operation.ASYNC_COMPLETE, server, false, 0, conn.id(), Outcome.OK, BufferKind.NONE, 1, 90_000);
        for (int i = 0; i < 4; i++) {
            s.add(handler, Operation.ASYNC_SUBMIT, conn, false, 1024, 0, Outcome.OK, BufferKind.HEAP_BUFFER, 10 + i, 500);
            s.add(handler, Operation.ASYNC_COMPLETE, conn, false, 1024, 64, Outcome.OK, BufferKind.HEAP_BUFFER, 10 + i,
                    40_000);
        }
        ProcessClassification c = s.classify();

        ThreadClassification h = thread(c, handler);
        assertEquals(IoModel.ASYNC, h.verdict().model());
        assertEquals(Mechanism.EPOLL, h.verdict().mechanism());
        assertEquals(Underneath.ASYNC_SOCKET, h.verdict().underneath());
        assertEquals(ThreadRole.COMPLETION_HANDLER, h.role());
        assertEquals(Architecture.ASYNC_COMPLETION_HANDLERS, c.architecture().architecture());
        assertEquals(1, c.architecture().connections());
    }

    @Test
    void asyncFileReadsAreAThreadPoolDoingBlockingIoAndServeNoConnections() {
        ThreadInfo main = s.thread("main");
        ThreadInfo pool = s.thread("pool-1-thread-1");
        Resource file = s.resource(ResourceKind.ASYNC_FILE_CHANNEL, "/tmp/data.bin");
        for (int i = 0; i < 5; i++) {
            s.add(main, Operation.ASYNC_SUBMIT, file, false, 4096, 0, Outcome.OK, BufferKind.DIRECT_BUFFER, i, 800);
            s.add(pool, Operation.ASYNC_COMPLETE, file, false, 4096, 4096, Outcome.OK, BufferKind.DIRECT_BUFFER, i,
                    70_000);
        }
        ProcessClassification c = s.classify();

        assertEquals(Mechanism.THREAD_POOL, thread(c, pool).verdict().mechanism());
        assertEquals(Underneath.ASYNC_FILE, thread(c, pool).verdict().underneath());
        assertEquals(ThreadRole.COMPLETION_HANDLER, thread(c, pool).role());
        assertEquals(Architecture.NONE, c.architecture().architecture());
        assertEquals(IoModel.ASYNC, c.architecture().ioModel());
    }

    @Test
    void virtualThreadsBlockingOnTheirConnectionsAreVirtualThreadPerConnectionMultiplexedByThePoller() {
        ThreadInfo acceptor = s.thread("main");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET, "0.0.0.0:5000");
        List<Resource> conns = connections(ResourceKind.SOCKET, 3);
        for (Resource conn : conns) {
            s.accept(acceptor, server, conn, true);
            echo(s.virtualThread(""), conn, 4, true);
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.VIRTUAL_THREAD_PER_CONNECTION, c.architecture().architecture());
        assertEquals(IoModel.BLOCKING, c.architecture().ioModel());
        assertEquals(Underneath.VIRTUAL_THREAD_POLLER, c.architecture().underneath());
        ThreadGroup virtual = c.groups().stream().filter(ThreadGroup::virtual).findFirst().orElseThrow();
        assertEquals("3 unnamed", virtual.label());
        assertEquals(ThreadRole.CONNECTION_HANDLER, virtual.role());
    }

    @Test
    void classificationIgnoresThreadNames() {
        ThreadInfo misleading = s.thread("nioEventLoopGroup-3-1");
        Resource conn = s.resource(ResourceKind.SOCKET, "127.0.0.1:40000->127.0.0.1:5000");
        s.add(misleading, Operation.CONNECT, conn, true, 0, 0, Outcome.OK, BufferKind.NONE, 0, 1000);
        echo(misleading, conn, 5, true);
        ThreadClassification t = thread(s.classify(), misleading);
        assertEquals(IoModel.BLOCKING, t.verdict().model());
        assertEquals(ThreadRole.CLIENT, t.role());
        assertNull(t.verdict().mechanism());
    }

    @Test
    void aSelectorThreadThatReadsEachReadyChannelInBlockingModeIsStillASingleEventLoop() {
        ThreadInfo dispatcher = s.thread("conn-handler");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 3);
        for (Resource conn : conns) {
            s.select(dispatcher, selector, 1, 1, 2_000_000);
            s.accept(dispatcher, server, conn, false);
        }
        for (int request = 0; request < 4; request++) {
            for (Resource conn : conns) {
                s.select(dispatcher, selector, 4, 1, 2_000_000);
                s.io(dispatcher, Operation.READ, conn, 100, BufferKind.HEAP_BUFFER, 20_000);
                s.io(dispatcher, Operation.WRITE, conn, 60, BufferKind.HEAP_BUFFER, 20_000);
                s.io(dispatcher, Operation.WRITE, conn, 100, BufferKind.HEAP_BUFFER, 20_000);
            }
        }
        ProcessClassification c = s.classify();

        ThreadClassification t = thread(c, dispatcher);
        assertEquals(IoModel.MULTIPLEXING, t.verdict().model());
        assertTrue(t.verdict().evidence().endsWith("12 blocking reads that waited 240 µs in all: it waits for"
                + " readiness, then reads each ready channel in blocking mode"), t.verdict().evidence());
        assertEquals(ThreadRole.EVENT_LOOP, t.role());
        assertEquals(Architecture.SINGLE_EVENT_LOOP, c.architecture().architecture());
        assertEquals("one selector thread accepts and reads all 3 connections", c.architecture().sentence());
    }

    @Test
    void aThreadThatSelectsRarelyAndBlocksInItsReadsIsBlocking() {
        ThreadInfo t = s.thread("loop");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource conn = s.resource(ResourceKind.SOCKET_CHANNEL, "127.0.0.1:40000->127.0.0.1:5000");
        s.add(t, Operation.CONNECT, conn, true, 0, 0, Outcome.OK, BufferKind.NONE, 0, 1000);
        // Ten blocking reads per select: not reads of what a selector found ready (counts decide, not times).
        for (int i = 0; i < 3; i++) {
            s.select(t, selector, 1, 1, 5_000);
            echo(t, conn, 10, true);
        }
        assertEquals(IoModel.BLOCKING, thread(s.classify(), t).verdict().model());
    }

    @Test
    void aSelectorThreadThatWatchesTheConnectionsItHandsToBlockingWorkersIsTheLoopOfAWorkerPool() {
        ThreadInfo loop = s.thread("worker-acceptor");
        List<ThreadInfo> workers = List.of(s.thread("selector-1"), s.thread("selector-2"));
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 3);
        for (Resource conn : conns) {
            s.select(loop, selector, 1, 1, 1_000_000);
            s.accept(loop, server, conn, false);
        }
        for (int request = 0; request < 4; request++) {
            for (int i = 0; i < conns.size(); i++) {
                s.select(loop, selector, 4, 1, 1_000_000);
                ThreadInfo worker = workers.get((request + i) % 2);
                s.io(worker, Operation.READ, conns.get(i), 100, BufferKind.HEAP_BUFFER, 20_000);
                s.io(worker, Operation.WRITE, conns.get(i), 100, BufferKind.HEAP_BUFFER, 20_000);
            }
        }
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.EVENT_LOOP, thread(c, loop).role());
        assertEquals(3, thread(c, loop).connections());
        assertEquals(ThreadRole.WORKER, thread(c, workers.get(0)).role());
        assertEquals(IoModel.BLOCKING, thread(c, workers.get(0)).verdict().model());
        ThreadGroup pool = c.groups().stream().filter(g -> g.role() == ThreadRole.WORKER).findFirst().orElseThrow();
        assertEquals(2, pool.members().size());
        assertEquals(3, pool.connections(), "each connection counted once, though both workers served it");
        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, c.architecture().architecture());
        assertEquals("one selector thread accepts and waits for the readiness of all 3 connections; 2 workers do"
                + " the rest of their I/O in blocking mode", c.architecture().sentence());
    }

    @Test
    void aSelectorThreadWhoseReadyKeysAreOnlyItsAcceptsIsAnAcceptorInFrontOfTheLoops() {
        ThreadInfo boss = s.thread("event-loop-0");
        List<ThreadInfo> loops = List.of(s.thread("boss-1"), s.thread("boss-2"));
        Resource bossSelector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 4);
        s.select(boss, bossSelector, 1, 1, 1_000_000);
        conns.forEach(conn -> s.accept(boss, server, conn, false));
        s.select(boss, bossSelector, 1, 0, 1_000_000);
        for (int i = 0; i < conns.size(); i++) {
            ThreadInfo loop = loops.get(i % 2);
            Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
            s.select(loop, selector, 1, 1, 10_000);
            s.select(loop, selector, 1, 1, 10_000);
            echo(loop, conns.get(i), 2, false);
        }
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.ACCEPTOR, thread(c, boss).role());
        assertEquals(IoModel.MULTIPLEXING, thread(c, boss).verdict().model());
        assertEquals(Architecture.MULTI_EVENT_LOOP, c.architecture().architecture());
        assertEquals(List.of(2, 2), c.architecture().spread().stream().map(ConnectionShare::connections).toList());
    }

    @Test
    void aThreadThatSwitchesFromASelectorToBlockingReadsIsBlockingWithMediumConfidence() {
        ThreadInfo t = s.thread("switcher");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource conn = s.resource(ResourceKind.SOCKET_CHANNEL, "127.0.0.1:40000->127.0.0.1:5000");
        for (int i = 0; i < 3; i++) {
            s.select(t, selector, 1, 1, 3_000);
            echo(t, conn, 1, false);
        }
        echo(t, conn, 10, true);
        Verdict v = thread(s.classify(), t).verdict();
        assertEquals(IoModel.BLOCKING, v.model());
        assertEquals(Confidence.MEDIUM, v.confidence());
        assertTrue(v.evidence().endsWith("switched from non-blocking calls to blocking ones"), v.evidence());
    }

    @Test
    void writesToStandardOutputAreNotWorkAndLeaveTheThreadIdle() {
        ThreadInfo main = s.thread("main");
        Resource stdin = s.resource(ResourceKind.FILE_INPUT_STREAM, "<stdin>");
        Resource stdout = s.resource(ResourceKind.FILE_OUTPUT_STREAM, "<stdout>");
        s.io(main, Operation.WRITE, stdout, 12, BufferKind.HEAP_ARRAY, 10_000);
        s.io(main, Operation.READ, stdin, 0, BufferKind.HEAP_ARRAY, 9_000_000);
        s.io(main, Operation.WRITE, stdout, 8, BufferKind.HEAP_ARRAY, 10_000);
        ThreadClassification t = thread(s.classify(), main);
        assertEquals(ThreadRole.IDLE, t.role());
        assertEquals("1 read of standard input, 2 writes to standard output, no other I/O", t.verdict().evidence());
    }

    @Test
    void aThreadThatSubmitsFileReadsIsNotTheirCompletionHandlerAndACompletionWithoutItsSubmissionIsStillCounted() {
        ThreadInfo main = s.thread("main");
        ThreadInfo pool = s.thread("pool-1");
        Resource file = s.resource(ResourceKind.ASYNC_FILE_CHANNEL, "/data/in.bin");
        for (int i = 0; i < 8; i++) {
            s.add(main, Operation.ASYNC_SUBMIT, file, false, 4096, 0, Outcome.OK, BufferKind.HEAP_BUFFER, i, 1_000);
            s.add(pool, Operation.ASYNC_COMPLETE, file, false, 4096, 4096, Outcome.OK, BufferKind.HEAP_BUFFER, i,
                    50_000);
        }
        s.add(main, Operation.ASYNC_COMPLETE, null, false, 4096, 4096, Outcome.OK, BufferKind.HEAP_BUFFER, 99, 0);
        ProcessClassification c = s.classify();

        assertEquals(ThreadRole.COMPLETION_HANDLER, thread(c, pool).role());
        assertEquals(ThreadRole.OTHER, thread(c, main).role());
        assertEquals(1, thread(c, main).profile().asyncUse().completions());
        assertEquals(Mechanism.THREAD_POOL, thread(c, main).verdict().mechanism(), "decided by its submissions");
        assertEquals(Architecture.NONE, c.architecture().architecture());
        assertEquals(Mechanism.THREAD_POOL, c.architecture().mechanism());
        assertEquals(Underneath.ASYNC_FILE, c.architecture().underneath());
    }

    @Test
    void oneSelectorThatPoolThreadsTakeTurnsToRunIsOneLoopServedByAPoolNotManyLoops() {
        List<ThreadInfo> pool = List.of(s.thread("pool-1"), s.thread("pool-2"), s.thread("pool-3"));
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 6);
        for (int i = 0; i < conns.size(); i++) {
            ThreadInfo producer = pool.get(i % 3);
            s.select(producer, selector, 7, 1, 10_000);
            s.accept(producer, server, conns.get(i), false);
            s.select(producer, selector, 7, 1, 10_000);
            echo(producer, conns.get(i), 2, false);
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, c.architecture().architecture());
        assertTrue(c.architecture().sentence().contains("one selector, run by 3 threads in turn"),
                c.architecture().sentence());
    }

    @Test
    void severalLoopsThatHandTheirResponsesToAPoolAreMultiEventLoopWithAWorkerPool() {
        List<ThreadInfo> loops = List.of(s.thread("io-1"), s.thread("io-2"));
        List<ThreadInfo> pool = List.of(s.thread("task-1"), s.thread("task-2"), s.thread("task-3"));
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        List<Resource> selectors = List.of(s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL),
                s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL));
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 6);
        for (int i = 0; i < conns.size(); i++) {
            ThreadInfo loop = loops.get(i % 2);
            s.select(loop, selectors.get(i % 2), 4, 1, 10_000);
            s.accept(loop, server, conns.get(i), false);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < conns.size(); i++) {
                ThreadInfo loop = loops.get(i % 2);
                s.select(loop, selectors.get(i % 2), 4, 1, 10_000);
                s.nonBlocking(loop, Operation.READ, conns.get(i), 128, 2_000);
                ThreadInfo worker = pool.get((i + round) % 3);
                s.nonBlocking(worker, Operation.WRITE, conns.get(i), 0, 2_000);
                // The socket was full: the worker waits for it in a private selector, then writes.
                Resource privateSelector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
                s.select(worker, privateSelector, 1, 1, 50_000);
                s.select(worker, privateSelector, 1, 1, 50_000);
                s.nonBlocking(worker, Operation.WRITE, conns.get(i), 128, 2_000);
            }
        }
        ProcessClassification c = s.classify();

        pool.forEach(t -> assertEquals(ThreadRole.WORKER, thread(c, t).role(), thread(c, t).roleEvidence()));
        assertEquals(Architecture.MULTI_EVENT_LOOP_WITH_WORKER_POOL, c.architecture().architecture());
        assertEquals(IoModel.MULTIPLEXING, c.architecture().ioModel());
    }

    @Test
    void poolThreadsThatFindAChannelEmptyOnceAndWaitForThePollerAreWorkersNotPollers() {
        ThreadInfo acceptor = s.thread("acceptor");
        ThreadInfo poller = s.thread("poller");
        List<ThreadInfo> pool = List.of(s.thread("exec-1"), s.thread("exec-2"));
        Resource server = s.resource(ResourceKind.SERVER_SOCKET_CHANNEL, "0.0.0.0:8080");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        List<Resource> conns = connections(ResourceKind.SOCKET_CHANNEL, 4);
        conns.forEach(conn -> s.accept(acceptor, server, conn, true));
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < conns.size(); i++) {
                s.select(poller, selector, 5, 1, 20_000);
                ThreadInfo worker = pool.get((i + round) % 2);
                s.nonBlocking(worker, Operation.READ, conns.get(i), 128, 2_000);
                s.nonBlocking(worker, Operation.WRITE, conns.get(i), 128, 2_000);
                s.nonBlocking(worker, Operation.READ, conns.get(i), 0, 1_000);
            }
        }
        ProcessClassification c = s.classify();

        pool.forEach(t -> assertEquals(ThreadRole.WORKER, thread(c, t).role(), thread(c, t).roleEvidence()));
        assertEquals(ThreadRole.EVENT_LOOP, thread(c, poller).role());
        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, c.architecture().architecture());
        assertEquals(IoModel.MULTIPLEXING, c.architecture().ioModel());
    }

    @Test
    void blockingConnectionThreadsBesideAnUnrelatedSelectorAreThreadPerConnectionNotItsWorkers() {
        ThreadInfo acceptor = s.thread("acceptor");
        ThreadInfo client = s.thread("http-client-selector");
        Resource server = s.resource(ResourceKind.SERVER_SOCKET, "0.0.0.0:8080");
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        List<Resource> conns = connections(ResourceKind.SOCKET, 4);
        for (int i = 0; i < conns.size(); i++) {
            s.accept(acceptor, server, conns.get(i), true);
            s.select(client, selector, 3, 1, 20_000);
            echo(s.thread("conn-" + i), conns.get(i), 5, true);
        }
        ProcessClassification c = s.classify();

        assertEquals(Architecture.THREAD_PER_CONNECTION, c.architecture().architecture(),
                c.architecture().sentence());
    }
}
