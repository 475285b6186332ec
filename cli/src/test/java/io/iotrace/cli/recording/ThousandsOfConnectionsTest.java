package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.iotrace.fixtures.ConcurrentConnectionsDriver;
import io.iotrace.fixtures.VirtualThreadEchoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C10K: a thread-per-connection server with all its connections open at once is recorded whole. Each of the
 * driver's K connections does N round trips of M bytes, so the server's connection threads make exactly K × (N + 1)
 * reads (the last sees the end of the stream) and K × N writes. The summaries must count exactly those, every
 * call must be recorded or counted as dropped, and the report must name every connection and every thread that
 * served one.
 */
class ThousandsOfConnectionsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int ROUND_TRIPS = 5;
    private static final int SIZE = 16;

    @TempDir
    Path dir;

    @Test
    void tenThousandVirtualThreadsOnJdk25AreRecordedWhole() throws Exception {
        assertRecordedWhole(TargetJdk.jdk25(), VirtualThreadEchoServer.class, 10_000, true);
    }

    @Test
    void twoThousandPlatformThreadsAreRecordedWhole() throws Exception {
        assertRecordedWhole(TargetJdk.jdk17(), BlockingEchoServer.class, 2_000, false);
    }

    private void assertRecordedWhole(TargetJdk jdk, Class<?> server, int connections, boolean virtual)
            throws Exception {
        Path recording;
        String done;
        try (RunningJava traced = ChildJava.on(jdk).traced(dir).main(server).start()) {
            int port = traced.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(ConcurrentConnectionsDriver.class).args("--port",
                    Integer.toString(port), "--connections", Integer.toString(connections), "--round-trips",
                    Integer.toString(ROUND_TRIPS), "--size", Integer.toString(SIZE), "--timeout-seconds", "60")
                    .start()) {
                driver.awaitSuccess(TIMEOUT);
                done = driver.stdout().strip();
            }
            traced.closeStdin();
            traced.awaitSuccess(TIMEOUT);
            recording = traced.recording();
        }
        long reads = (long) connections * (ROUND_TRIPS + 1);
        long writes = (long) connections * ROUND_TRIPS;
        Counts counts = Counts.of(recording);
        System.out.printf("%s, %d connections (%s): %s; connection threads made %d socket reads and %d writes"
                        + " (summaries), recorded %d and %d; %d calls in all, %d recorded, %d dropped%n", jdk,
                connections, server.getSimpleName(), done, counts.summarizedReads, counts.summarizedWrites,
                counts.recordedReads, counts.recordedWrites, counts.summarized, counts.recorded, counts.dropped);

        assertEquals(reads, counts.summarizedReads, "the summaries count every read of the connection threads");
        assertEquals(writes, counts.summarizedWrites, "the summaries count every write of the connection threads");
        assertEquals(counts.summarized, counts.recorded + counts.dropped, "recorded " + counts.recorded
                + " + dropped " + counts.dropped + " is every call the summaries count");
        assertTrue(counts.recordedReads <= reads && counts.recordedWrites <= writes, "recorded " + counts.recordedReads
                + " reads and " + counts.recordedWrites + " writes, no more than were made");

        CliRun analyze = CliRun.of("analyze", "--format", "json", recording.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        JsonNode report = new ObjectMapper().readTree(analyze.out()).get("processes").get(0);
        assertEquals(connections, report.get("connections").asInt(), "connections in the report");
        long handlers = 0;
        for (JsonNode thread : report.get("threads")) {
            if (thread.get("role").asText().equals("connection-handler")) {
                handlers++;
                assertEquals(virtual, thread.get("virtual").asBoolean(), "virtual: " + thread);
            }
        }
        assertEquals(connections, handlers, "connection-handler threads in the report: "
                + report.get("architectureSentence").asText());
    }

    /** Calls of the recording: as the last snapshot of the summaries counts them, recorded, and dropped. */
    private static final class Counts {
        long summarizedReads;
        long summarizedWrites;
        long summarized;
        long recordedReads;
        long recordedWrites;
        long recorded;
        long dropped;

        static Counts of(Path recording) throws Exception {
            Counts c = new Counts();
            SummarySnapshot[] last = {null};
            RecordingReader.readSet(List.of(recording), new EventHandler() {
                @Override
                public void onEvent(IoEvent e) {
                    c.recorded++;
                    if (e.thread().name().startsWith("conn-") && e.resource() != null
                            && e.resource().kind() == ResourceKind.SOCKET) {
                        if (e.operation() == Operation.READ) {
                            c.recordedReads++;
                        } else if (e.operation() == Operation.WRITE) {
                            c.recordedWrites++;
                        }
                    }
                }

                @Override
                public void onSummary(SummarySnapshot snapshot) {
                    last[0] = snapshot;
                }

                @Override
                public void end(long droppedEvents) {
                    c.dropped = droppedEvents;
                }
            });
            for (SummarySnapshot.Group g : last[0].groups()) {
                for (SummarySnapshot.Cell cell : g.cells()) {
                    c.summarized += cell.count();
                    if (!g.name().startsWith("conn-") || cell.kind() != ResourceKind.SOCKET) {
                        continue; // a connection thread also reads the classes it loads first from the jar
                    }
                    if (cell.operation() == Operation.READ) {
                        c.summarizedReads += cell.count();
                    } else if (cell.operation() == Operation.WRITE) {
                        c.summarizedWrites += cell.count();
                    }
                }
            }
            return c;
        }
    }
}
