package io.iotrace.cli.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.FileCopyWorkload;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash or a full disk leaves is read up to its last whole chunk, with a warning that says where the
 * recording ends and why; only a file cut inside its header is refused, and then with the offset.
 */
class CutRecordingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyPrefixOfASmallRecordingReadsUpToItsLastWholeChunkOrIsRefusedWithItsOffset() throws Exception {
        Path recording;
        try (RunningJava copy = ChildJava.on(TargetJdk.jdk17()).traced(dir).main(FileCopyWorkload.class)
                .args("--mode", "stream", "--size", "8192", "--chunk", "1024", "--dir", dir.toString()).start()) {
            copy.awaitSuccess(TIMEOUT);
            recording = copy.recording();
        }
        byte[] whole = Files.readAllBytes(recording);
        long allEvents = read(recording).events;
        Path cut = dir.resolve("cut.iotrace");
        long previous = 0;
        for (int length = 0; length < whole.length; length++) {
            Files.write(cut, Arrays.copyOf(whole, length));
            Counting counted = new Counting();
            try {
                RecordingReader.read(cut, counted);
                fail("a prefix of " + length + " of " + whole.length + " bytes read as whole");
            } catch (RecordingFormatException e) {
                if (e.isCutShort()) {
                    assertEquals(e.eventsRead(), counted.events, e.getMessage());
                    assertTrue(counted.events >= previous && counted.events <= allEvents,
                            "a longer prefix reads no fewer events: " + e.getMessage());
                    previous = counted.events;
                } else {
                    assertTrue(length == 0 || e.offset() >= 0 && e.getMessage().contains("header"),
                            "refused with its offset, only when cut inside the header: " + e.getMessage());
                }
            }
        }
        assertEquals(allEvents, previous, "a file cut inside its end marker still reads every event");
    }

    @Test
    void aJvmKilledMidLoadLeavesARecordingThatAnalyzeReportsWithAWarning() throws Exception {
        Path recording;
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(dir).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", "2", "--round-trips", "1000000").start()) {
                recording = server.recording();
                awaitSize(recording, 256 * 1024);
                server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no end marker
                server.process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }

        CliRun analyze = CliRun.of("analyze", recording.toString());

        assertEquals(0, analyze.exitCode(), analyze.err());
        assertTrue(analyze.out().startsWith("warning: " + recording + ": "), analyze.out());
        assertTrue(analyze.out().contains("without the agent's end marker")
                || analyze.out().contains("the data ends inside a chunk"), analyze.out());
        assertTrue(read(recording).events > 10_000, "the calls recorded before the kill are read");
    }

    @Test
    void aFullDiskLeavesARecordingThatSaysSoAndTheAppKeepsServing() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a small tmpfs to fill needs root");
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.toString());
        try {
            Path recording;
            try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(disk).main(BlockingEchoServer.class)
                    .start()) {
                int port = server.awaitListeningPort();
                try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                        Integer.toString(port), "--connections", "2", "--round-trips", "60000").start()) {
                    driver.awaitSuccess(TIMEOUT);
                }
                server.closeStdin();
                server.awaitSuccess(TIMEOUT);
                recording = server.recording();
            }

            CliRun analyze = CliRun.of("analyze", recording.toString());

            assertEquals(0, analyze.exitCode(), analyze.err());
            assertTrue(analyze.out().startsWith("warning: " + recording + ": the agent stopped recording after "),
                    analyze.out());
            assertTrue(analyze.out().contains("No space left on device"), analyze.out());
            assertTrue(read(recording).events > 10_000, "the calls recorded before the disk filled are read");
        } finally {
            mount("umount", disk.toString());
        }
    }

    private static Counting read(Path file) {
        Counting counted = new Counting();
        try {
            RecordingReader.read(file, counted);
        } catch (RecordingFormatException e) {
            assertTrue(e.isCutShort(), e.getMessage());
        }
        return counted;
    }

    private static void awaitSize(Path file, long bytes) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(file) || Files.size(file) < bytes) {
            assertTrue(System.nanoTime() < deadline, file + " did not reach " + bytes + " bytes");
            Thread.sleep(20);
        }
    }

    private static void mount(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + new String(p.getInputStream().readAllBytes()));
    }

    private static final class Counting implements EventHandler {
        long events;

        @Override
        public void onEvent(IoEvent event) {
            events++;
        }
    }
}
