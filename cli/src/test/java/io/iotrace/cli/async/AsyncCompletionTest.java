package io.iotrace.cli.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.AsyncEchoServer;
import io.iotrace.fixtures.AsyncFileReader;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asynchronous channels: each operation is recorded where it is submitted and joined to its completion on the thread
 * that completed it, with the time in between.
 */
class AsyncCompletionTest {
    private static final int READS = 10;
    private static final int CHUNK = 4096;
    private static final int K = 2;
    private static final int N = 20;
    private static final int M = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path recordings;

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void fileReadsAreSubmittedOnMainAndCompleteOnThePoolThread(TargetJdk jdk) throws Exception {
        Path recording;
        try (RunningJava reader = ChildJava.on(jdk).traced(recordings).main(AsyncFileReader.class)
                .args("--file", work.resolve("async.bin").toString(), "--size", String.valueOf(4 * CHUNK),
                        "--chunk", String.valueOf(CHUNK), "--reads", String.valueOf(READS)).start()) {
            reader.awaitSuccess(TIMEOUT);
            recording = reader.recording();
        }
        Recorded recorded = Recorded.read(recording);
        List<IoEvent> submits = onKind(recorded, Operation.ASYNC_SUBMIT, ResourceKind.ASYNC_FILE_CHANNEL);
        List<IoEvent> completions = onKind(recorded, Operation.ASYNC_COMPLETE, ResourceKind.ASYNC_FILE_CHANNEL);

        assertEquals(READS, submits.size(), "submissions");
        submits.forEach(s -> assertEquals("main", s.thread().name(), "submitted by " + s));
        submits.forEach(s -> assertEquals(Operation.READ.code(), s.result(), "a read was submitted: " + s));
        assertEquals(READS, completions.size(), "completions, one per read");
        for (IoEvent c : completions) {
            assertEquals("file-io-0", c.thread().name(), "completed on the channel's executor: " + c);
            assertTrue(c.durationNanos() >= 0, "submit to completion: " + c);
            assertEquals(CHUNK, c.requested(), "bytes asked: " + c);
            assertEquals(CHUNK, c.result(), "bytes read: " + c);
            assertEquals(Outcome.OK, c.outcome());
        }
        assertEquals(1, completions.stream().map(c -> c.resource().id()).distinct().count(), "one channel");
        assertEquals(submits.get(0).resource(), completions.get(0).resource(), "the submitting channel");
        assertEquals(work.resolve("async.bin").toRealPath().toString(), submits.get(0).resource().description(),
                "the channel is named by its file");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void echoReadsAndWritesCompleteOnTheGroupsHandlerThreads(TargetJdk jdk) throws Exception {
        Path recording;
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).main(AsyncEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", String.valueOf(port),
                    "--connections", String.valueOf(K), "--round-trips", String.valueOf(N), "--size",
                    String.valueOf(M), "--timeout-seconds", "50").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            recording = server.recording();
        }
        Recorded recorded = Recorded.read(recording);
        List<IoEvent> submits = onKind(recorded, Operation.ASYNC_SUBMIT, ResourceKind.ASYNC_SOCKET_CHANNEL);
        long readSubmits = submits.stream().filter(s -> s.result() == Operation.READ.code()).count();
        long writeSubmits = submits.stream().filter(s -> s.result() == Operation.WRITE.code()).count();
        assertEquals((long) K * (N + 1), readSubmits, "a read per round trip and one that sees the client close");
        assertEquals((long) K * N, writeSubmits, "a write per round trip");

        List<IoEvent> completions = onKind(recorded, Operation.ASYNC_COMPLETE, ResourceKind.ASYNC_SOCKET_CHANNEL);
        assertEquals(submits.size(), completions.size(), "every socket operation completed");
        List<IoEvent> moved = completions.stream().filter(c -> c.result() > 0).toList();
        assertEquals(2L * K * N, moved.size(), "reads and writes that moved bytes");
        assertEquals(2L * K * N * M, moved.stream().mapToLong(IoEvent::result).sum(), "bytes read and written");
        assertEquals(K, completions.stream().filter(c -> c.result() < 0).count(), "one end of stream per connection");
        for (IoEvent c : completions) {
            assertTrue(c.thread().name().startsWith("async-"), "completed on a group thread: " + c);
            assertTrue(c.durationNanos() >= 0, "submit to completion: " + c);
        }
        assertEquals(K, completions.stream().map(c -> c.resource().id()).distinct().count(), "one channel per client");
    }

    private static List<IoEvent> onKind(Recorded recorded, Operation operation, ResourceKind kind) {
        return recorded.where(e -> e.operation() == operation && e.resource() != null && e.resource().kind() == kind);
    }
}
