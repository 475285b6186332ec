package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.SummarySnapshot;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent adds the calls up per thread group, operation and resource kind, writes a snapshot of them every
 * interval, and {@code analyze} shows how they changed; with {@code mode=summary} the recording holds only those.
 */
class SummariesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int CONNECTIONS = 2;
    private static final int ROUND_TRIPS = 20_000;

    @TempDir
    Path dir;

    @Test
    void summariesCountTheSameWritesAndBytesAsTheRecordedCalls() throws Exception {
        List<Path> files = serveUnderLoad("interval=200ms");
        List<SummarySnapshot> snapshots = new ArrayList<>();
        long[] recorded = new long[2];
        long[] dropped = {0};
        RecordingReader.readSet(files, new EventHandler() {
            @Override
            public void onEvent(IoEvent e) {
                recorded[1]++;
                if (e.thread().name().startsWith("conn-") && e.operation() == Operation.WRITE) {
                    recorded[0]++;
                }
            }

            @Override
            public void onSummary(SummarySnapshot snapshot) {
                snapshots.add(snapshot);
            }

            @Override
            public void end(long droppedEvents) {
                dropped[0] = droppedEvents;
            }
        });

        assertTrue(snapshots.size() >= 3, "a snapshot every 200 ms and one at the end: " + snapshots.size());
        SummarySnapshot last = snapshots.get(snapshots.size() - 1);
        assertTrue(last.callsRecorded());
        SummarySnapshot.Cell writes = cell(last, "conn-#", Operation.WRITE, ResourceKind.SOCKET);
        assertEquals(CONNECTIONS * ROUND_TRIPS, writes.count(), "every echo write of the server");
        // A busy machine may leave the writer behind and a ring full: what was dropped is in the summaries.
        long summarized = last.groups().stream().flatMap(g -> g.cells().stream())
                .mapToLong(SummarySnapshot.Cell::count).sum();
        assertEquals(summarized, recorded[1] + dropped[0], "every call summarized was recorded or dropped");
        assertTrue(recorded[0] <= writes.count() && writes.count() - recorded[0] <= dropped[0],
                "recorded " + recorded[0] + " of " + writes.count() + " writes, " + dropped[0] + " dropped");
        assertEquals(16 * writes.count(), writes.bytes(), "16 bytes a write");
        assertEquals(2 * writes.bytes(), writes.copiedBytes(), "a byte[] write: two copies a byte");
        for (int i = 1; i < snapshots.size(); i++) {
            assertEquals(i, snapshots.get(i).sequence());
            assertTrue(snapshots.get(i).nanoTime() > snapshots.get(i - 1).nanoTime());
        }

        CliRun analyze = CliRun.of("analyze", dir.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        assertTrue(analyze.out().contains("Summaries  " + snapshots.size() + " snapshots"), analyze.out());
        assertTrue(analyze.out().matches("(?s).*conn-# +write +socket +whole run [0-9.]+-[0-9.]+ +"
                + CONNECTIONS * ROUND_TRIPS + " .*"), analyze.out());
        assertTrue(analyze.out().contains("worst p99"), analyze.out());

        CliRun json = CliRun.of("analyze", "--format", "json", dir.toString());
        assertEquals(0, json.exitCode(), json.err());
        JsonNode summaries = new ObjectMapper().readTree(json.out()).get("processes").get(0).get("summaries");
        assertEquals(snapshots.size(), summaries.get("snapshots").asInt());
        JsonNode connWrites = null;
        for (JsonNode call : summaries.get("calls")) {
            if (call.get("group").asText().equals("conn-#") && call.get("operation").asText().equals("write")) {
                connWrites = call;
            }
        }
        assertTrue(connWrites != null, json.out());
        assertEquals(CONNECTIONS * ROUND_TRIPS, connWrites.get("wholeRun").get("calls").asLong());
        assertTrue(connWrites.get("worst").get("p99Nanos").asLong() >= connWrites.get("first").get("p99Nanos")
                .asLong(), "the worst interval is no better than the first: " + connWrites);
    }

    @Test
    void aSummaryOnlyRecordingHoldsNoCallsAndAnalyzeShowsItsSummaries() throws Exception {
        List<Path> files = serveUnderLoad("interval=200ms,mode=summary");
        long[] events = {0};
        List<SummarySnapshot> snapshots = new ArrayList<>();
        RecordingReader.readSet(files, new EventHandler() {
            @Override
            public void onEvent(IoEvent e) {
                events[0]++;
            }

            @Override
            public void onSummary(SummarySnapshot snapshot) {
                snapshots.add(snapshot);
            }
        });

        assertEquals(0, events[0], "no call recorded one by one");
        SummarySnapshot last = snapshots.get(snapshots.size() - 1);
        assertFalse(last.callsRecorded());
        assertEquals(CONNECTIONS * ROUND_TRIPS,
                cell(last, "conn-#", Operation.WRITE, ResourceKind.SOCKET).count(), "every echo write, none dropped");
        SummarySnapshot.Group conn = last.groups().stream().filter(g -> g.name().equals("conn-#")).findFirst()
                .orElseThrow();
        assertEquals(CONNECTIONS, conn.threadsSeen());
        assertTrue(Files.size(files.get(0)) < 64 * 1024, "snapshots only: " + Files.size(files.get(0)) + " bytes");

        CliRun analyze = CliRun.of("analyze", dir.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        assertTrue(analyze.out().contains("per-call analysis (architecture, I/O model, threads, copies per call) is"
                + " not available"), analyze.out());
        assertFalse(analyze.out().contains("Thread groups"), "no report of calls it does not hold: " + analyze.out());
        assertTrue(analyze.out().contains("conn-# " + CONNECTIONS + "/0"), analyze.out());
    }

    private List<Path> serveUnderLoad(String agentOptions) throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(dir).agentOption(agentOptions)
                .main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", Integer.toString(CONNECTIONS), "--round-trips",
                    Integer.toString(ROUND_TRIPS), "--size", "16").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".iotrace")).sorted().toList();
        }
    }

    private static SummarySnapshot.Cell cell(SummarySnapshot s, String group, Operation op, ResourceKind kind) {
        return s.groups().stream().filter(g -> g.name().equals(group)).flatMap(g -> g.cells().stream())
                .filter(c -> c.operation() == op && c.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + group + " " + op + " " + kind + " in " + s));
    }
}
