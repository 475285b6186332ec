package io.iotrace.cli.classification;

import static io.iotrace.cli.classification.ServingGroups.assertGroups;
import static io.iotrace.cli.classification.ServingGroups.assertProcess;
import static io.iotrace.cli.classification.ServingGroups.describe;
import static io.iotrace.cli.classification.ServingGroups.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Underneath;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.report.GroupReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.AsyncEchoServer;
import io.iotrace.fixtures.AsyncFileReader;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.BusyPollingEchoServer;
import io.iotrace.fixtures.MultiLoopEchoServer;
import io.iotrace.fixtures.SelectorEchoServer;
import io.iotrace.fixtures.SelectorWorkerPoolServer;
import io.iotrace.fixtures.VirtualThreadEchoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture of issue 3 run under the real agent with its own load (3 connections × 100 round trips of the
 * fixtures' LoadDriver), classified from its recording alone: the process's I/O model and architecture, and the
 * role and model of each thread group that does the work.
 */
class FixtureClassificationTest {
    private static final int CONNECTIONS = TracedServer.CONNECTIONS;

    @TempDir
    Path recordings;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void blockingEchoServerIsThreadPerConnectionWithAnAcceptorAndOneHandlerPerConnection(TargetJdk jdk)
            throws Exception {
        ProcessReport r = serve(jdk, BlockingEchoServer.class);

        assertProcess(r, "thread-per-connection", IoModel.BLOCKING);
        assertGroups(r, "acceptor blocking", "connection-handler blocking");
        GroupReport handlers = group(r, ThreadRole.CONNECTION_HANDLER);
        assertEquals(CONNECTIONS, handlers.threads(), describe(r));
        assertEquals(CONNECTIONS, handlers.connections(), describe(r));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void busyPollingEchoServerIsNonBlockingPollingAndReportsItsWastedCalls(TargetJdk jdk) throws Exception {
        ProcessReport r = serve(jdk, BusyPollingEchoServer.class);

        assertProcess(r, "single-event-loop", IoModel.NON_BLOCKING_POLLING);
        assertGroups(r, "event-loop non-blocking-polling");
        GroupReport poller = group(r, ThreadRole.EVENT_LOOP);
        assertTrue(poller.io().wouldBlock() > (long) CONNECTIONS * TracedServer.ROUND_TRIPS,
                "more calls that moved nothing than round trips: " + poller.io().wouldBlock());
        assertTrue(poller.io().wouldBlockNanos() > 0, describe(r));
        assertTrue(poller.evidence().contains("non-blocking calls found nothing"), poller.evidence());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void selectorEchoServerIsASingleEventLoopMultiplexingOnEpoll(TargetJdk jdk) throws Exception {
        ProcessReport r = serve(jdk, SelectorEchoServer.class);

        assertProcess(r, "single-event-loop", IoModel.MULTIPLEXING);
        assertEquals(Mechanism.EPOLL, r.mechanism());
        assertGroups(r, "event-loop multiplexing");
        assertEquals(CONNECTIONS, group(r, ThreadRole.EVENT_LOOP).connections(), describe(r));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void selectorWorkerPoolServerIsAnEventLoopWithAWorkerPool(TargetJdk jdk) throws Exception {
        ProcessReport r = serve(jdk, SelectorWorkerPoolServer.class);

        assertProcess(r, "event-loop-with-worker-pool", IoModel.MULTIPLEXING);
        assertGroups(r, "event-loop multiplexing", "worker multiplexing");
        GroupReport workers = group(r, ThreadRole.WORKER);
        assertTrue(workers.threads() >= 2, describe(r));
        assertEquals(CONNECTIONS, workers.connections(), "each connection counted once: " + describe(r));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void multiLoopEchoServerIsMultiEventLoopWithItsConnectionsSpreadOverTheLoops(TargetJdk jdk) throws Exception {
        ProcessReport r = serve(jdk, MultiLoopEchoServer.class);

        assertProcess(r, "multi-event-loop", IoModel.MULTIPLEXING);
        assertGroups(r, "acceptor blocking", "event-loop multiplexing");
        assertEquals(2, group(r, ThreadRole.EVENT_LOOP).threads(), describe(r));
        assertEquals(2, r.connectionSpread().size(), "both loops own connections: " + r.connectionSpread());
        assertEquals(CONNECTIONS, r.connectionSpread().stream().mapToInt(s -> s.connections()).sum());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void asyncEchoServerIsAsyncOnAnEpollPortWhoseThreadsRunTheHandlers(TargetJdk jdk) throws Exception {
        ProcessReport r = serve(jdk, AsyncEchoServer.class);

        assertProcess(r, "async-completion-handlers", IoModel.ASYNC);
        assertEquals(Mechanism.EPOLL, r.mechanism());
        assertEquals(Underneath.ASYNC_SOCKET, r.underneath());
        assertGroups(r, "completion-handler async");
        assertEquals(CONNECTIONS, group(r, ThreadRole.COMPLETION_HANDLER).connections(), describe(r));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void asyncFileReaderIsAsyncOnAThreadPoolDoingBlockingIoAndServesNothing(TargetJdk jdk) throws Exception {
        ProcessReport r;
        try (RunningJava reader = TracedServer.traced(jdk, recordings, AsyncFileReader.class,
                "--file", recordings.resolve("data.bin").toString(), "--size", "65536", "--chunk", "4096",
                "--reads", "40").start()) {
            reader.awaitSuccess(TracedServer.TIMEOUT);
            r = Recorded.analyze(reader.recording());
        }

        assertProcess(r, "none", IoModel.ASYNC);
        assertEquals(Mechanism.THREAD_POOL, r.mechanism());
        assertEquals(Underneath.ASYNC_FILE, r.underneath());
        assertGroups(r, "completion-handler async");
        assertEquals(40, group(r, ThreadRole.COMPLETION_HANDLER).io().wait(WaitKind.ASYNC_COMPLETION).calls(),
                describe(r));
    }

    @Test
    void virtualThreadEchoServerIsBlockingCodeOnAVirtualThreadPerConnectionMultiplexedByThePoller()
            throws Exception {
        TargetJdk jdk = TargetJdk.jdk25();
        ProcessReport r = serve(jdk, VirtualThreadEchoServer.class);

        assertProcess(r, "virtual-thread-per-connection", IoModel.BLOCKING);
        assertEquals(Underneath.VIRTUAL_THREAD_POLLER, r.underneath());
        assertGroups(r, "acceptor blocking", "connection-handler blocking");
        GroupReport handlers = group(r, ThreadRole.CONNECTION_HANDLER);
        assertTrue(handlers.virtual(), describe(r));
        assertEquals(Underneath.VIRTUAL_THREAD_POLLER, handlers.underneath());
        assertEquals(CONNECTIONS, handlers.connections(), describe(r));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void loadDriverAloneIsABlockingClientThatServesNothing(TargetJdk jdk) throws Exception {
        ProcessReport r;
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            try (RunningJava driver = TracedServer.driver(jdk, server.awaitListeningPort()).traced(recordings)
                    .start()) {
                driver.awaitSuccess(TracedServer.TIMEOUT);
                r = Recorded.analyze(driver.recording());
            }
            server.closeStdin();
            server.awaitSuccess(TracedServer.TIMEOUT);
        }

        assertProcess(r, "none", IoModel.BLOCKING);
        assertGroups(r, "client blocking");
        assertEquals(CONNECTIONS, group(r, ThreadRole.CLIENT).threads(), describe(r));
        assertEquals(0, r.connections());
    }

    private ProcessReport serve(TargetJdk jdk, Class<?> server) throws Exception {
        return TracedServer.report(TracedServer.traced(jdk, recordings, server), TracedServer.loadDriver(jdk));
    }
}
