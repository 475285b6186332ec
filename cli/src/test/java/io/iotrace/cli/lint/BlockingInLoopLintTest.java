package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.LoopHealth;
import io.iotrace.analyzers.finding.LoopLint;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.fixtures.BlockingInLoopServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The selector loop that does one blocking thing per request, traced on JDK 17 and 25: each seeded kind is found on
 * the loop thread with the fixture's own method as the top application frame; the clean loop gives no finding.
 */
class BlockingInLoopLintTest {
    private static final String FIXTURE = "io.iotrace.fixtures.BlockingInLoopServer";
    private static final int REQUESTS = 2 * 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path recordings;

    static Stream<Arguments> seededKinds() {
        return TargetJdk.both().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "sleep", List.of(BlockingKind.SLEEP), "sleepPerRequest"),
                Arguments.of(jdk, "file", List.of(BlockingKind.FILE_READ), "readConfigFile"),
                Arguments.of(jdk, "lock", List.of(BlockingKind.MONITOR_ENTER), "takeContendedLock"),
                Arguments.of(jdk, "socket", List.of(BlockingKind.SOCKET_WRITE, BlockingKind.SOCKET_READ),
                        "askSideService"),
                Arguments.of(jdk, "dns", List.of(BlockingKind.DNS), "resolveHost")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("seededKinds")
    void eachSeededBlockingCallIsFoundWithTheFixturesMethodOnTop(TargetJdk jdk, String block, List<BlockingKind> kinds,
                                                                  String method) throws Exception {
        ProcessLint lint = LoopLint.analyze(LintedFixture.record(jdk, block, recordings), null, List.of());

        for (BlockingKind kind : kinds) {
            List<Finding> found = lint.findings().stream().filter(f -> f.kind() == kind).toList();
            assertEquals(1, found.size(), kind + " findings: " + lint.findings());
            Finding finding = found.get(0);
            assertEquals(FIXTURE + "." + method, finding.topApplicationFrame().qualifiedMethod(), finding.toString());
            assertEquals(List.of("loop"), finding.threads());
            if (kind == BlockingKind.DNS) {
                assertEquals("localhost", finding.resource(), "the host looked up");
            }
            assertTrue(finding.loopReason().startsWith("measured"), finding.loopReason());
            // The lock may be free now and then; every other kind blocks on every request.
            long expected = kind == BlockingKind.MONITOR_ENTER ? 1 : REQUESTS;
            assertTrue(finding.count() >= expected && finding.count() <= REQUESTS, finding.count() + " calls");
            assertTrue(finding.maxNanos() > 0 && finding.totalNanos() >= finding.maxNanos(), finding.toString());
            assertTrue(finding.maxStallNanos() >= finding.maxNanos(), "the iteration lasts at least as long as the call: "
                    + finding);
        }
        assertTrue(lint.findings().stream().allMatch(f -> kinds.contains(f.kind())), "only the seeded kind: "
                + lint.findings());
        if (block.equals("sleep")) {
            LoopHealth loop = lint.loops().get(0);
            assertTrue(loop.blockedShare() > 0 && loop.maxNanos() >= 5_000_000, loop.toString());
        }
    }

    @Test
    void withoutTheBlockingOptionHostLookupsAreNotRecordedEvenIntoTheApplicationsOwnFlightRecording() throws Exception {
        Path ownRecording = recordings.resolve("own.jfr");
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).traced(recordings)
                .jvmOption("-XX:StartFlightRecording=filename=" + ownRecording).main(BlockingInLoopServer.class)
                .args("--block", "dns").start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class)
                    .args("--port", Integer.toString(port), "--connections", "1", "--round-trips", "5").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }

        List<RecordedEvent> lookups = RecordingFile.readAllEvents(ownRecording).stream()
                .filter(e -> e.getEventType().getName().equals("iotrace.HostLookup")).toList();
        assertEquals(List.of(), lookups);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void theCleanLoopGivesNoFindingAndExitCodeZero(TargetJdk jdk) throws Exception {
        Path recording = LintedFixture.record(jdk, "none", recordings);

        CliRun run = CliRun.of("lint", recording.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("loop loop: measured"), run.out());
        assertTrue(run.out().contains("No blocking calls on event-loop threads."), run.out());
    }
}
