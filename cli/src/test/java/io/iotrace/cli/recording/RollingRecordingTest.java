package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code maxsize}, a JVM's recording is a rolling set of files that never holds more than the limit, the
 * oldest deleted first, and {@code analyze DIR} reads what is left of the set as one recording.
 */
class RollingRecordingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long MAX_SIZE = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aServerUnderLoadKeepsItsRecordingsUnderMaxsizeAndAnalyzeReadsTheSet() throws Exception {
        long largest = 0;
        long connections = 2;
        long roundTrips = 40_000;
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(dir).agentOption("maxsize=1m")
                .main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", Long.toString(connections), "--round-trips",
                    Long.toString(roundTrips), "--size", "16").start()) {
                while (driver.process().isAlive()) {
                    largest = Math.max(largest, bytesIn(dir));
                    Thread.sleep(10);
                }
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }
        largest = Math.max(largest, bytesIn(dir));
        List<Path> files = recordingsIn(dir);

        assertTrue(largest <= MAX_SIZE, "the folder held " + largest + " bytes, over maxsize=1m");
        assertTrue(files.size() >= 3, "a set of files, not one: " + files);
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".000001.iotrace")),
                "the oldest part was deleted: " + files);
        CliRun analyze = CliRun.of("analyze", "--format", "json", dir.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        JsonNode report = new ObjectMapper().readTree(analyze.out());
        assertEquals(0, report.get("warnings").size(), analyze.out());
        assertEquals(1, report.get("processes").size(), "one JVM, one report: " + analyze.out());
        long[] events = {0};
        RecordingReader.readSet(files, (IoEvent event) -> events[0]++);
        assertTrue(events[0] > 10_000 && events[0] < 2 * connections * roundTrips,
                "the newest of the server's reads and writes, not all of them: " + events[0]);
    }

    private static List<Path> recordingsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".iotrace")).sorted().toList();
        }
    }

    private static long bytesIn(Path dir) throws IOException {
        long bytes = 0;
        for (Path f : recordingsIn(dir)) {
            try {
                bytes += Files.size(f);
            } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                // Rolled over or deleted between the listing and the size: counted in the next look.
            }
        }
        return bytes;
    }
}
