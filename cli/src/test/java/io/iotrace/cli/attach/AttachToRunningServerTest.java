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
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotrace attach} on a blocking echo server that was started without the agent. */
class AttachToRunningServerTest {
    private static final long BYTES = (long) CONNECTIONS * ROUND_TRIPS * SIZE;

    @TempDir
    Path dir;

    @Test
    void attachUntilCtrlCSeesWhatATraceFromTheStartSees() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        Path fromStart = Files.createDirectories(dir.resolve("from-start"));
        Path fromStartRecording;
        try (RunningJava server = ChildJava.on(jdk).traced(fromStart).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            Attaching.drive(jdk, port, 1, 1);
            Attaching.drive(jdk, port, CONNECTIONS, ROUND_TRIPS);
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            fromStartRecording = server.recording();
        }

        Path attached = dir.resolve("attached.iotrace");
        String json;
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava cli = CliProcess.start("attach", Long.toString(server.pid()), "--format", "json",
                    "-o", attached.toString())) {
                cli.awaitStderr("iotrace: recording pid " + server.pid(), TIMEOUT);
                // The accept already waiting when the agent came runs the JDK's old code: one connection to take
                // it, in both runs, so that the driver's connections are accepted under the hooks.
                Attaching.drive(jdk, port, 1, 1);
                Attaching.drive(jdk, port, CONNECTIONS, ROUND_TRIPS);
                cli.sigterm();
                cli.awaitExit(TIMEOUT);
                json = cli.stdout();
                assertTrue(cli.stderr().contains("first event"), cli.describeOutput());
            }
            assertTrue(server.process().isAlive(), "the server runs on after the detach");
        }

        ProcessReport expected = Recorded.analyze(fromStartRecording);
        ProcessReport actual = Recorded.analyze(attached);
        assertEquals(expected.ioModel(), actual.ioModel());
        assertEquals(expected.architecture(), actual.architecture(), actual.architectureSentence());
        assertEquals(serving(expected), serving(actual));
        assertTrue(json.contains("\"ioModel\" : \"" + expected.ioModel() + "\""), json);
        SocketFigures driverSockets = SocketFigures.of(attached, ROUND_TRIPS);
        assertEquals(CONNECTIONS, driverSockets.sockets, "sockets that served the driver");
        assertEquals(BYTES, driverSockets.bytesRead, "bytes read from the driver");
        assertEquals(BYTES, driverSockets.bytesWritten, "bytes echoed");
        assertEquals(SocketFigures.of(fromStartRecording, ROUND_TRIPS), driverSockets);
    }

    @Test
    void detachRestoresTheJdkClassesAndASecondAttachRecordsAgain() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        Path agentJar = BuiltJars.agentJar();
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            Path first = Files.createDirectories(dir.resolve("first"));
            Path kept;
            try (TracingSession session = TracingSession.start(server.pid(), agentJar, first, TIMEOUT);
                 AgentConnection probe = AgentConnection.open(server.pid(), TIMEOUT)) {
                assertTrue(probe.askStatus(agentJar).instrumentedClasses() > 0, "hooks in while recording");
                CliRun concurrent = CliRun.of("attach", Long.toString(server.pid()), "--duration", "1s");
                assertEquals(2, concurrent.exitCode(), concurrent.err());
                assertTrue(concurrent.err().contains("already being traced by another iotrace session"),
                        concurrent.err());
                Attaching.drive(jdk, port, 1, 10);
                AgentStatus stopped = session.stop();
                assertEquals("stopped", stopped.state());
                kept = session.recording();
                AgentStatus after = probe.askStatus(agentJar);
                assertEquals(0, after.instrumentedClasses(), "JDK classes back to their original bytes");
            }
            long sizeAtDetach = Files.size(kept);
            assertTrue(Recorded.read(kept).events().size() > 0, "the first session recorded the driver");
            Attaching.drive(jdk, port, 1, 10);
            assertEquals(sizeAtDetach, Files.size(kept), "nothing recorded after the detach");

            CliRun again = CliRun.of("attach", Long.toString(server.pid()), "--duration", "2s", "--format", "json");
            assertEquals(0, again.exitCode(), again.err());
            assertTrue(again.out().contains("\"processes\""), again.out());
            try (AgentConnection probe = AgentConnection.open(server.pid(), TIMEOUT)) {
                AgentStatus status = probe.askStatus(agentJar);
                assertEquals(2, status.sessions(), "two sessions in this JVM");
                assertEquals(0, status.instrumentedClasses(), "clean again after the second detach");
            }
            assertTrue(server.process().isAlive());
        }
    }

    @Test
    void anAgentThatCannotStartLeavesTheTargetServingAndUninstrumented() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        Path agentJar = BuiltJars.agentJar();
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "in the way");
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (AgentConnection connection = AgentConnection.open(server.pid(), TIMEOUT)) {
                connection.loadAgent(agentJar, "command=start,session=broken,dir=" + notADirectory.resolve("sub"));
                AgentStatus status = connection.askStatus(agentJar);
                assertEquals("failed", status.state());
                assertTrue(status.message().contains("a-file"), status.message());
                assertEquals(0, status.instrumentedClasses());
            }
            Attaching.drive(jdk, port, CONNECTIONS, 20);
            assertTrue(server.process().isAlive());
        }
    }

    /** The sockets that carried a whole driver connection, and what they moved. */
    private record SocketFigures(long sockets, long bytesRead, long bytesWritten) {
        static SocketFigures of(Path recording, int roundTrips) throws Exception {
            List<IoEvent> socketIo = Recorded.read(recording).where(e -> e.resource() != null
                    && e.resource().kind() == ResourceKind.SOCKET && e.operation().movesBytes());
            var bySocket = socketIo.stream().collect(Collectors.groupingBy(e -> e.resource().id()));
            long sockets = 0;
            long read = 0;
            long written = 0;
            for (List<IoEvent> events : bySocket.values()) {
                long in = events.stream().filter(e -> e.operation() == Operation.READ).mapToLong(IoEvent::bytesMoved)
                        .sum();
                if (in == (long) roundTrips * SIZE) {
                    sockets++;
                    read += in;
                    written += events.stream().filter(e -> e.operation() == Operation.WRITE)
                            .mapToLong(IoEvent::bytesMoved).sum();
                }
            }
            return new SocketFigures(sockets, read, written);
        }
    }

    /** Role and model of the groups that served connections (how many threads each had differs by the warm-up's). */
    private static List<String> serving(ProcessReport report) {
        return report.groups().stream().filter(g -> g.connections() > 0)
                .map(g -> g.role() + " " + g.ioModel()).distinct().sorted().toList();
    }
}
