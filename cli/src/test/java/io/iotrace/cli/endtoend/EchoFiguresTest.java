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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load driver's K connections × N round trips of M bytes against the blocking echo server, both JVMs traced:
 * the socket figures on each side must be exactly what the driver did, in the library's report and in the JSON of
 * {@code iotrace run} and {@code iotrace analyze}.
 */
class EchoFiguresTest {
    private static final int K = 3;
    private static final int N = 200;
    private static final int M = 64;
    private static final long BYTES = (long) K * N * M;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path recordings;

    /**
     * The driver runs under {@code iotrace run} (the JSON it prints is checked, and its recording kept with
     * {@code -o} is analyzed again through the library); the server runs with the agent and is reported by
     * {@code iotrace analyze} and by the library.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void bothSidesShowExactlyTheWritesAndBytesTheDriverMade(TargetJdk jdk) throws Exception {
        Path clientDirectory = Files.createDirectories(recordings.resolve("client"));
        Path serverDirectory = Files.createDirectories(recordings.resolve("server"));
        Path serverRecording;
        JsonNode clientJson;
        try (RunningJava server = ChildJava.on(jdk).traced(serverDirectory).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            List<String> command = new ArrayList<>(List.of("run", "-o", clientDirectory.toString(), "--format",
                    "json", "--"));
            command.addAll(ChildJava.on(jdk).main(LoadDriver.class).args(driverArgs(port)).command());
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode processes = new ObjectMapper().readTree(run.err()).get("processes");
            assertEquals(1, processes.size(), "one traced JVM: " + run.err());
            clientJson = processes.get(0);
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            serverRecording = server.recording();
        }

        assertEquals(LoadDriver.class.getName(), clientJson.at("/process/command").asText().split(" ")[0]);
        assertEquals(0, clientJson.get("droppedEvents").asLong());
        assertJsonSocketFigures(clientJson, (long) K * N);
        SocketTotals client = SocketTotals.of(Recorded.analyze(onlyRecordingIn(clientDirectory)));
        assertEquals(K, client.sockets, "client sockets");
        assertEquals((long) K * N, client.writes, "client write calls");
        assertEquals(BYTES, client.bytesWritten, "client bytes written");
        assertEquals(BYTES, client.bytesRead, "client bytes read");
        assertTrue(client.reads >= (long) K * N, "at least one read per round trip, got " + client.reads);

        CliRun analyze = CliRun.of("analyze", "--format", "json", serverRecording.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        JsonNode serverJson = new ObjectMapper().readTree(analyze.out()).get("processes").get(0);
        assertJsonSocketFigures(serverJson, -1);
        assertEquals(K, serverJson.get("connections").asInt());
        SocketTotals server = SocketTotals.of(Recorded.analyze(serverRecording));
        assertEquals(K, server.sockets, "accepted sockets");
        assertEquals(BYTES, server.bytesRead, "server bytes read");
        assertEquals(BYTES, server.bytesWritten, "server bytes written");
        assertEquals(server.reads - K, server.writes, "one echo write per read that got bytes (each connection's"
                + " last read sees end of stream)");
    }

    private static Path onlyRecordingIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> recordings = files.filter(f -> f.toString().endsWith(".iotrace")).toList();
            assertEquals(1, recordings.size(), "recordings kept by run -o: " + recordings);
            return recordings.get(0);
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
                    // A connect or accept moves no bytes, whatever its result field holds.
                    default -> assertEquals(0, wait.get("bytes").asLong(), "bytes of " + wait);
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
