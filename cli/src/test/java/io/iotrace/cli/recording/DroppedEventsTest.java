package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.cli.programs.WriteBurst;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent never makes the application wait: when a thread's ring is full, the event is dropped and counted, and the
 * report says how many. A ring of 16 events and a burst of 50,000 one-byte writes overflow it many times over.
 */
class DroppedEventsTest {
    private static final int CALLS = 50_000;

    @TempDir
    Path recordings;

    @TempDir
    Path work;

    @Test
    void eventsThatDoNotFitTheRingAreCountedSoThatRecordedPlusDroppedIsEveryCall() throws Exception {
        Path target = work.resolve("burst.bin");
        Path recording;
        try (RunningJava burst = ChildJava.on(TargetJdk.jdk17()).traced(recordings).agentOption("ring=16")
                .main(WriteBurst.class).args(target.toString(), String.valueOf(CALLS)).start()) {
            burst.awaitSuccess(Duration.ofSeconds(60));
            recording = burst.recording();
        }
        assertEquals(CALLS, Files.size(target), "the program wrote every byte");

        Recorded recorded = Recorded.read(recording);
        List<IoEvent> writes = recorded.where(e -> e.thread().name().equals("burst")
                && e.operation() == Operation.WRITE && e.resource().description().endsWith("/burst.bin"));
        assertTrue(writes.size() > 0, "some writes recorded");
        // Other threads may lose events too (the JVM's start-up reads, when the writer is slow to drain on a busy
        // machine): the burst thread's own drops are what its writes add up with.
        long burstDropped = recorded.droppedByThread().getOrDefault(writes.get(0).thread().key(), 0L);
        assertTrue(burstDropped > 0, "drops with a ring of 16; recorded " + writes.size());
        assertEquals(CALLS, writes.size() + burstDropped, "recorded " + writes.size() + " + dropped "
                + burstDropped + " on the burst thread (" + recorded.droppedByThread() + " by thread key)");
        assertEquals(recorded.dropped(), recorded.droppedByThread().values().stream().mapToLong(Long::longValue)
                .sum(), "the total is the threads' drops");

        JsonNode report = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", recording.toString())
                .out()).get("processes").get(0);
        assertEquals(recorded.dropped(), report.get("droppedEvents").asLong(), "droppedEvents in the JSON report");
    }
}
