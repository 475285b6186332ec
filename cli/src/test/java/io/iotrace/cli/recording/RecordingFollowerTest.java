package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.source.recording.RecordingFollower;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code top} follows a recording as the agent writes it, reading only what is new at each refresh: followed to its
 * end, it must deliver exactly the events a reading of the finished file delivers, and never a chunk the agent
 * has only half written.
 */
class RecordingFollowerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void followingALiveRecordingDeliversWhatReadingTheFinishedFileDelivers() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        Counting followed = new Counting();
        int pollsWithNewEvents = 0;
        Path recording;
        try (RunningJava server = ChildJava.on(jdk).traced(dir).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RecordingFollower follower = new RecordingFollower(server.recording(), followed);
                 RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port",
                         Integer.toString(port), "--connections", "2", "--round-trips", "20000").start()) {
                while (driver.process().isAlive()) {
                    long before = followed.events;
                    assertFalse(follower.poll(), "no end marker while the server runs");
                    pollsWithNewEvents += followed.events > before ? 1 : 0;
                    Thread.sleep(50);
                }
                driver.awaitSuccess(TIMEOUT);
                server.closeStdin();
                server.awaitSuccess(TIMEOUT);
                assertTrue(follower.poll(), "the end marker is read once the server has closed its recording");
            }
            recording = server.recording();
        }
        Counting whole = new Counting();
        RecordingReader.read(recording, whole);

        assertTrue(pollsWithNewEvents >= 2, "the recording was followed while it grew: " + pollsWithNewEvents);
        assertEquals(whole.events, followed.events);
        assertEquals(whole.bytes, followed.bytes);
        assertEquals(whole.dropped, followed.dropped);
    }

    /** The agent's writes can stop anywhere, inside a chunk's header or its payload: poll after pieces of any size. */
    @Test
    void aChunkIsDeliveredOnlyOnceItIsWhole() throws Exception {
        Path recording;
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(dir).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", "2", "--round-trips", "2000").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            recording = server.recording();
        }
        byte[] bytes = Files.readAllBytes(recording);
        Counting whole = new Counting();
        RecordingReader.read(recording, whole);

        Path growing = dir.resolve("growing.iotrace");
        Files.createFile(growing);
        Counting followed = new Counting();
        Random pieces = new Random(7);
        boolean ended = false;
        try (RecordingFollower follower = new RecordingFollower(growing, followed);
             OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
            for (int written = 0; written < bytes.length; ) {
                int piece = Math.min(bytes.length - written, 1 + pieces.nextInt(700));
                out.write(Arrays.copyOfRange(bytes, written, written + piece));
                out.flush();
                written += piece;
                ended = follower.poll();
                assertEquals(written == bytes.length, ended, "end marker read only with the last byte");
            }
        }
        assertTrue(ended);
        assertEquals(whole.events, followed.events);
        assertEquals(whole.bytes, followed.bytes);
    }

    private static final class Counting implements EventHandler {
        long events;
        long bytes;
        long dropped = -1;

        @Override
        public void onEvent(IoEvent event) {
            events++;
            bytes += event.bytesMoved();
        }

        @Override
        public void end(long droppedEvents) {
            dropped = droppedEvents;
        }
    }
}
