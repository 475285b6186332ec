package io.iotrace.cli.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.report.IoSummary;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ResourceReport;
import io.iotrace.analyzers.report.WaitReport;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load driver's K connections × N round trips of M bytes against the blocking echo server, both JVMs traced:
 * the socket figures on each side must be exactly what the driver did.
 */
class EchoFiguresTest {
    private static final int K = 3;
    private static final int N = 200;
    private static final int M = 64;
    private static final long BYTES = (long) K * N * M;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path recordings;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void bothSidesShowExactlyTheWritesAndBytesTheDriverMade(TargetJdk jdk) throws Exception {
        Path serverRecording;
        Path clientRecording;
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).traced(recordings).main(LoadDriver.class)
                    .args(driverArgs(port)).start()) {
                driver.awaitSuccess(TIMEOUT);
                clientRecording = driver.recording();
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            serverRecording = server.recording();
        }

        SocketTotals client = SocketTotals.of(Recorded.analyze(clientRecording));
        assertEquals(K, client.sockets, "client sockets");
        assertEquals((long) K * N, client.writes, "client write calls");
        assertEquals(BYTES, client.bytesWritten, "client bytes written");
        assertEquals(BYTES, client.bytesRead, "client bytes read");
        assertTrue(client.reads >= (long) K * N, "at least one read per round trip, got " + client.reads);

        SocketTotals server = SocketTotals.of(Recorded.analyze(serverRecording));
        assertEquals(K, server.sockets, "accepted sockets");
        assertEquals(BYTES, server.bytesRead, "server bytes read");
        assertEquals(BYTES, server.bytesWritten, "server bytes written");
        assertEquals(server.reads - K, server.writes, "one echo write per read that got bytes (each connection's"
                + " last read sees end of stream)");
    }

    @Test
    void runAndAnalyzeReportTheSameFiguresInTheirJson() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            List<String> command = new java.util.ArrayList<>(ChildJava.on(jdk).main(LoadDriver.class)
                    .args(driverArgs(port)).command());
            command.addAll(0, List.of("run", "--format", "json", "--"));
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode processes = new ObjectMapper().readTree(run.out()).get("processes");
            assertEquals(1, processes.size(), "one traced JVM: " + run.out());
            JsonNode client = processes.get(0);
            assertEquals(LoadDriver.class.getName(), client.at("/recording/command").asText().split(" ")[0]);
            assertEquals(0, client.get("droppedEvents").asLong());
            assertJsonSocketFigures(client, (long) K * N);

            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            CliRun analyze = CliRun.of("analyze", "--format", "json", server.recording().toString());
            assertEquals(0, analyze.exitCode(), analyze.err());
            JsonNode serverReport = new ObjectMapper().readTree(analyze.out()).get("processes").get(0);
            assertJsonSocketFigures(serverReport, -1);
            assertEquals(K, serverReport.get("connections").asInt());
        }
    }

    private static String[] driverArgs(int port) {
        return new String[] {"--port", String.valueOf(port), "--connections", String.valueOf(K), "--round-trips",
                String.valueOf(N), "--size", String.valueOf(M), "--timeout-seconds", "50"};
    }

    /** Sums the socket resources of a JSON report; {@code expectedWrites} of -1 means any count. */
    private static void assertJsonSocketFigures(JsonNode report, long expectedWrites) {
        long sockets = 0;
        long writes = 0;
        long bytesWritten = 0;
        long bytesRead = 0;
        for (JsonNode resource : report.get("resources")) {
            if (!resource.get("kind").asText().equals("socket")) {
                continue;
            }
            sockets++;
            for (JsonNode wait : resource.at("/io/waits")) {
                switch (wait.get("kind").asText()) {
                    case "write" -> {
                        writes += wait.get("calls").asLong();
                        bytesWritten += wait.get("bytes").asLong();
                    }
                    case "read" -> bytesRead += wait.get("bytes").asLong();
                    default -> { }
                }
            }
        }
        assertEquals(K, sockets, "sockets in " + report);
        if (expectedWrites >= 0) {
            assertEquals(expectedWrites, writes, "write calls");
        }
        assertEquals(BYTES, bytesWritten, "bytes written");
        assertEquals(BYTES, bytesRead, "bytes read");
    }

    /** The read and write figures of a report's sockets, added up; the JVM's own jar reads and stdout left out. */
    private static final class SocketTotals {
        long sockets;
        long reads;
        long writes;
        long bytesRead;
        long bytesWritten;

        static SocketTotals of(ProcessReport report) {
            SocketTotals t = new SocketTotals();
            for (ResourceReport resource : report.resources()) {
                if (!resource.kind().equals("socket")) {
                    continue;
                }
                t.sockets++;
                IoSummary io = resource.io();
                WaitReport read = io.wait(WaitKind.READ);
                WaitReport write = io.wait(WaitKind.WRITE);
                if (read != null) {
                    t.reads += read.calls();
                    t.bytesRead += read.bytes();
                }
                if (write != null) {
                    t.writes += write.calls();
                    t.bytesWritten += write.bytes();
                }
            }
            return t;
        }
    }
}
