package io.iotrace.cli.attach;

import static io.iotrace.cli.attach.Attaching.CONNECTIONS;
import static io.iotrace.cli.attach.Attaching.ROUND_TRIPS;
import static io.iotrace.cli.attach.Attaching.SIZE;
import static io.iotrace.cli.attach.Attaching.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Underneath;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.cli.nativetransport.NativeTransportSyscallsTest;
import io.iotrace.cli.nativetransport.NettyNativeEchoMain;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace attach} on a Netty echo server on the native epoll transport, started without the agent: its loops
 * are already running, waiting in {@code epoll_wait} through JNI, when the agent comes. From the next wait on, the
 * loops' waits and their socket reads and writes (made in C, which no JDK hook sees) are recorded; after the detach
 * the server serves on.
 */
class AttachToNativeTransportServerTest {
    private static final long BYTES = (long) CONNECTIONS * ROUND_TRIPS * SIZE;

    @TempDir
    Path dir;

    @Test
    void attachRecordsTheRunningLoopsEpollWaitsAndTheirSocketReadsAndWrites() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        Path attached = dir.resolve("attached.iotrace");
        try (RunningJava server = ChildJava.on(jdk).classpath(NativeTransportSyscallsTest.nettyClasspath())
                .main(NettyNativeEchoMain.class).args("--transport", "epoll", "--loops", "2").start()) {
            int port = server.awaitListeningPort();
            // Served once before the agent comes: the transport's classes are loaded and run, so they are
            // instrumented at attach, not at load.
            Attaching.drive(jdk, port, 1, 1);
            // The time the JVM may take to answer, the same as the test's: on a busy machine 10 s was too short.
            try (RunningJava cli = CliProcess.start("attach", Long.toString(server.pid()), "-o",
                    attached.toString(), "--timeout", TIMEOUT.toSeconds() + "s")) {
                cli.awaitStderr("iotrace: recording pid " + server.pid(), TIMEOUT);
                Attaching.drive(jdk, port, CONNECTIONS, ROUND_TRIPS);
                cli.sigterm();
                cli.awaitExit(TIMEOUT);
                assertTrue(cli.stderr().contains("first event"), cli.describeOutput());
            }
            Attaching.drive(jdk, port, CONNECTIONS, 10);
            assertTrue(server.process().isAlive(), "the server serves on after the detach");
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }

        Recorded recorded = Recorded.read(attached);
        Set<Long> loops = recorded.where(e -> e.operation() == Operation.SELECT
                        && Underneath.NATIVE_EPOLL_TRANSPORT.equals(e.resource().description())).stream()
                .map(e -> e.thread().javaId()).collect(Collectors.toSet());
        assertTrue(loops.size() >= 2, "the boss loop and a child loop at least wait in epoll: " + loops);
        assertEquals(BYTES, loopSocketBytes(recorded, loops, Operation.READ), "bytes the loops read from the driver");
        assertEquals(BYTES, loopSocketBytes(recorded, loops, Operation.WRITE), "bytes the loops echoed");
        assertTrue(recorded.where(e -> e.operation() == Operation.ACCEPT && loops.contains(e.thread().javaId()))
                .size() >= CONNECTIONS, "the boss loop's accepts of the driver's connections");

        ProcessReport report = Recorded.analyze(attached);
        assertEquals(IoModel.MULTIPLEXING, report.ioModel(), report.architectureSentence());
        assertEquals(Mechanism.EPOLL, report.mechanism());
        assertTrue(String.valueOf(report.underneath()).contains(Underneath.NATIVE_EPOLL_TRANSPORT),
                "the report says the transport underneath: " + report.underneath());
    }

    private static long loopSocketBytes(Recorded recorded, Set<Long> loops, Operation operation) {
        return recorded.where(e -> e.operation() == operation && loops.contains(e.thread().javaId())
                        && e.resource() != null && e.resource().kind() == ResourceKind.SOCKET_CHANNEL).stream()
                .mapToLong(IoEvent::bytesMoved).sum();
    }
}
