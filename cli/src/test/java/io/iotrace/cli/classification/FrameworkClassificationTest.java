package io.iotrace.cli.classification;

import io.iotrace.analyzers.model.Mechanism;
import static io.iotrace.cli.classification.ServingGroups.assertGroups;
import static io.iotrace.cli.classification.ServingGroups.assertProcess;
import static io.iotrace.cli.classification.ServingGroups.describe;
import static io.iotrace.cli.classification.ServingGroups.group;
import static io.iotrace.cli.classification.ServingGroups.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.report.GroupReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.TargetJdk;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers nobody here wrote, classified under the real agent: the JDK's own {@code com.sun.net.httpserver} with and
 * without an executor, and Netty's NIO transport. The assertions say what each really is, whatever its classes and
 * threads are called.
 */
class FrameworkClassificationTest {
    private static final int CONNECTIONS = TracedServer.CONNECTIONS;
    private static final int REQUESTS = TracedServer.ROUND_TRIPS;

    @TempDir
    Path recordings;

    /**
     * Without an executor the dispatcher thread selects, accepts and runs every handler itself; it reads each ready
     * connection in blocking mode, yet it waits in the selector: a single event loop, not a thread per connection.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void jdkHttpServerWithoutAnExecutorIsASingleEventLoopOnItsDispatcherThread(TargetJdk jdk) throws Exception {
        ProcessReport r = TracedServer.report(httpServer(jdk, 0), HttpLoadOn::run);

        assertProcess(r, "single-event-loop", IoModel.MULTIPLEXING);
        assertGroups(r, "event-loop multiplexing");
        GroupReport loop = group(r, ThreadRole.EVENT_LOOP);
        assertEquals(1, loop.threads(), describe(r));
        assertEquals(CONNECTIONS, loop.connections(), describe(r));
        assertTrue(loop.evidence().contains("reads each ready channel in blocking mode"), loop.evidence());
    }

    /** With a fixed pool the dispatcher only selects and accepts; the pool's threads read and write in blocking mode. */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void jdkHttpServerWithAFixedPoolIsAnEventLoopWithBlockingWorkers(TargetJdk jdk) throws Exception {
        ProcessReport r = TracedServer.report(httpServer(jdk, 4), HttpLoadOn::run);

        assertProcess(r, "event-loop-with-worker-pool", IoModel.MULTIPLEXING);
        assertGroups(r, "event-loop multiplexing", "worker blocking");
        assertEquals(CONNECTIONS, group(r, ThreadRole.EVENT_LOOP).connections(), describe(r));
        GroupReport workers = group(r, ThreadRole.WORKER);
        assertTrue(workers.threads() >= 2, "the pool shares the requests: " + describe(r));
        assertEquals(CONNECTIONS, workers.connections(), describe(r));
    }

    /**
     * A boss loop accepts, two child loops own the connections. The boss thread is named {@code blocking-worker-0}
     * and the child loops {@code acceptor-0/1}: the roles must come from what they did.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void nettyNioEchoIsMultiEventLoopBehindASelectingAcceptorWhateverItsThreadsAreCalled(TargetJdk jdk)
            throws Exception {
        // Only the server and Netty's jars: the test class path also holds the agent's classes.
        String classpath = BuiltJars.classpathOf(NettyEchoMain.class, io.netty.channel.Channel.class,
                io.netty.util.concurrent.EventExecutor.class, io.netty.buffer.ByteBuf.class,
                io.netty.resolver.AddressResolverGroup.class);
        ChildJava netty = ChildJava.on(jdk).traced(recordings).classpath(classpath).main(NettyEchoMain.class)
                .args("--loops", "2");
        ProcessReport r = TracedServer.report(netty, TracedServer.loadDriver(jdk));

        assertProcess(r, "multi-event-loop", IoModel.MULTIPLEXING);
        assertEquals(Mechanism.EPOLL, r.mechanism());
        assertGroups(r, "acceptor multiplexing", "event-loop multiplexing");
        assertEquals(ThreadRole.ACCEPTOR, thread(r, "blocking-worker-0").role(), describe(r));
        assertEquals(ThreadRole.EVENT_LOOP, thread(r, "acceptor-0").role(), describe(r));
        assertEquals(ThreadRole.EVENT_LOOP, thread(r, "acceptor-1").role(), describe(r));
        assertEquals(2, r.connectionSpread().size(), "both child loops own connections: " + r.connectionSpread());
        assertEquals(CONNECTIONS, group(r, ThreadRole.EVENT_LOOP).connections(), describe(r));
    }

    private ChildJava httpServer(TargetJdk jdk, int pool) {
        // Without TCP_NODELAY the response's head and body meet Nagle and delayed ACKs: 40 ms per request.
        return ChildJava.on(jdk).traced(recordings).jvmOption("-Dsun.net.httpserver.nodelay=true")
                .main(JdkHttpServerMain.class).args("--pool", String.valueOf(pool));
    }

    /** The HTTP load with this test's sizes. */
    private static final class HttpLoadOn {
        static void run(int port) throws Exception {
            HttpLoad.run(port, CONNECTIONS, REQUESTS, 64, 50);
        }
    }
}
