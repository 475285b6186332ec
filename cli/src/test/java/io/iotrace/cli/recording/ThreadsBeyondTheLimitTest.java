package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads beyond the rings' bound ({@code maxThreads} rings of {@code ring} events: here two of 16) have no ring,
 * yet each of their calls is counted: in the summaries and as a drop, so that the recorded calls and the dropped
 * ones add up to every call the summaries count.
 */
class ThreadsBeyondTheLimitTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int CONNECTIONS = 4;
    private static final int ROUND_TRIPS = 5_000;

    @TempDir
    Path dir;

    @Test
    void everyCallOfAThreadBeyondMaxThreadsIsSummarizedAndCountedAsDropped() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(dir).agentOption("maxThreads=2")
                .agentOption("ring=16").main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", Integer.toString(CONNECTIONS), "--round-trips",
                    Integer.toString(ROUND_TRIPS), "--size", "16").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".iotrace")).sorted().toList();
        }
        long[] recorded = {0, 0};
        long[] dropped = {0};
        SummarySnapshot[] last = {null};
        RecordingReader.readSet(files, new EventHandler() {
            @Override
            public void onEvent(IoEvent e) {
                recorded[0]++;
                if (e.thread().name().startsWith("conn-") && e.operation() == Operation.WRITE) {
                    recorded[1]++;
                }
            }

            @Override
            public void onSummary(SummarySnapshot snapshot) {
                last[0] = snapshot;
            }

            @Override
            public void end(long droppedEvents) {
                dropped[0] = droppedEvents;
            }
        });
        long summarized = last[0].groups().stream().flatMap(g -> g.cells().stream())
                .mapToLong(SummarySnapshot.Cell::count).sum();
        long connWrites = last[0].groups().stream().filter(g -> g.name().equals("conn-#"))
                .flatMap(g -> g.cells().stream()).filter(c -> c.operation() == Operation.WRITE)
                .mapToLong(SummarySnapshot.Cell::count).sum();

        assertEquals(CONNECTIONS * ROUND_TRIPS, connWrites, "the summaries count every echo write");
        assertTrue(recorded[1] < connWrites && dropped[0] > 0, "at most two threads hold a ring: recorded "
                + recorded[1] + " of " + connWrites + " connection writes, dropped " + dropped[0]);
        assertEquals(summarized, recorded[0] + dropped[0], "recorded " + recorded[0] + " + dropped " + dropped[0]
                + " is every call the summaries count");
    }
}
