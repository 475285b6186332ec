package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.LoopLint;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.Directories;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockHoundScenarioServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocking calls of reactor/BlockHound's own tests that Flight Recorder has no event for, each made once per
 * request on a real selector loop ({@link BlockHoundScenarioServer}), on JDK 17 and 25 (a yield on JDK 25 only, where
 * {@code Thread.yield} is Java code; on JDK 17 it is shown not seen): each is found once, with its
 * operation, its duration and the scenario's method on top; the clean control gives nothing, even while another
 * thread makes the agent meet new resources all the time (the agent's own lock was once reported as the loop's).
 */
class BlockHoundScenariosLintTest {
    private static final String FIXTURE = BlockHoundScenarioServer.class.getName();
    private static final int REQUESTS = 2 * 25;

    @TempDir
    Path recordings;

    static Stream<Arguments> scenarios() {
        return Stream.concat(TargetJdk.both().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "accept-timeout", Map.of(BlockingKind.ACCEPT, "acceptWithTimeout")),
                Arguments.of(jdk, "connect", Map.of(BlockingKind.CONNECT, "connectSocket")),
                Arguments.of(jdk, "datagram", Map.of(BlockingKind.CONNECT, "datagramRoundTrip",
                        BlockingKind.DATAGRAM_SEND, "datagramRoundTrip",
                        BlockingKind.DATAGRAM_RECEIVE, "datagramRoundTrip")),
                Arguments.of(jdk, "random-access-write", Map.of(BlockingKind.FILE_WRITE,
                        "writeBytesToRandomAccessFile")),
                Arguments.of(jdk, "console", Map.of(BlockingKind.CONSOLE_WRITE, "printToConsole")),
                Arguments.of(jdk, "process-start", Map.of(BlockingKind.PROCESS_START, "startProcess")))),
                // Thread.yield is a Java method from JDK 19 on only.
                Stream.of(Arguments.of(TargetJdk.jdk25(), "thread-yield", Map.of(BlockingKind.THREAD_YIELD,
                        "yieldTheLoop"))));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scenarios")
    void eachScenarioIsFoundOnceWithItsOperationAndDuration(TargetJdk jdk, String scenario,
                                                            Map<BlockingKind, String> expected) throws Exception {
        ProcessLint lint = LoopLint.analyze(record(jdk, scenario, false), null, List.of());

        assertEquals(expected.size(), lint.findings().size(), "one finding per call: " + lint.findings());
        expected.forEach((kind, method) -> {
            List<Finding> found = lint.findings().stream().filter(f -> f.kind() == kind).toList();
            assertEquals(1, found.size(), kind + " findings: " + lint.findings());
            Finding finding = found.get(0);
            assertEquals(FIXTURE + "." + method, finding.topApplicationFrame().qualifiedMethod(), finding.toString());
            assertEquals(List.of("loop"), finding.threads());
            assertTrue(finding.count() >= REQUESTS, finding.count() + " calls: " + finding);
            assertTrue(finding.maxNanos() > 0 && finding.totalNanos() >= finding.maxNanos(), finding.toString());
            assertTrue(finding.stack().frames().get(0).className().startsWith("java.")
                    || finding.stack().frames().get(0).className().startsWith("sun."),
                    "the stack starts at the JDK's method, no agent frame above it: " + finding.stack());
        });
        if (scenario.equals("accept-timeout")) {
            // Every accept waits out its 20 ms timeout.
            Finding accept = lint.findings().get(0);
            assertTrue(accept.totalNanos() >= REQUESTS * 19_000_000L, accept.toString());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void theCleanControlGivesNoFindingWhileAnotherThreadChurnsResources(TargetJdk jdk) throws Exception {
        // One run in the suite; -Diotrace.cleanControlRuns=100 repeats it, each a new JVM, and prints the tally.
        int runs = Integer.getInteger("iotrace.cleanControlRuns", 1);
        List<String> unclean = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path directory = Files.createDirectories(recordings.resolve("none-" + run));
            ProcessLint lint = LoopLint.analyze(LintedFixture.record(jdk, BlockHoundScenarioServer.class, directory,
                    "--scenario", "none", "--churn", "true"), null, List.of());
            if (!lint.findings().isEmpty() || !lint.startUp().isEmpty() || lint.loops().size() != 1) {
                unclean.add("run " + run + ": findings " + lint.findings() + ", start-up " + lint.startUp()
                        + ", loops " + lint.loops());
            }
            Directories.deleteTree(directory);
        }
        System.out.println("clean control on " + jdk + ": " + runs + " runs, " + unclean.size() + " with findings");

        assertEquals(List.of(), unclean);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void allowAndDisallowInsideNestLikeBlockHounds(TargetJdk jdk) throws Exception {
        Path recording = record(jdk, "allowed-inside", false);
        Path allowOuter = Files.writeString(recordings.resolve("outer.allow"),
                "allow-inside " + FIXTURE + "#allowedOuter   # its own write, and what it calls\n");
        Path allowOuterNotInner = Files.writeString(recordings.resolve("nested.allow"),
                "allow-inside " + FIXTURE + "#allowedOuter\ndisallow-inside " + FIXTURE + "#disallowedInner\n");

        CliRun unfiltered = CliRun.of("lint", recording.toString());
        CliRun outerAllowed = CliRun.of("lint", "--allow", allowOuter.toString(), recording.toString());
        CliRun innerDisallowed = CliRun.of("lint", "--allow", allowOuterNotInner.toString(), recording.toString());

        assertEquals(1, unfiltered.exitCode(), unfiltered.out() + unfiltered.err());
        assertTrue(unfiltered.out().contains("2 finding(s)"), unfiltered.out());
        assertEquals(0, outerAllowed.exitCode(), outerAllowed.out() + outerAllowed.err());
        assertTrue(outerAllowed.out().contains("No blocking calls on event-loop threads."), outerAllowed.out());
        assertEquals(1, innerDisallowed.exitCode(), innerDisallowed.out() + innerDisallowed.err());
        assertTrue(innerDisallowed.out().contains("1 finding(s)"), innerDisallowed.out());
        assertTrue(innerDisallowed.out().contains("      at " + FIXTURE + ".disallowedInner:"), "the inner write's stack: "
                + innerDisallowed.out());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void consoleWritesAreTheirOwnOperationThatAnAllowRuleNames(TargetJdk jdk) throws Exception {
        Path recording = record(jdk, "console", false);
        Path allow = Files.writeString(recordings.resolve("console.allow"), "operation console-write\n");

        CliRun run = CliRun.of("lint", "--allow", allow.toString(), recording.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("No blocking calls on event-loop threads."), run.out());
    }

    @Test
    void aYieldIsNotSeenOnJdk17WhereThreadYieldIsANativeMethod() throws Exception {
        ProcessLint lint = LoopLint.analyze(record(TargetJdk.jdk17(), "thread-yield", false), null, List.of());

        assertEquals(List.of(), lint.findings());
        assertEquals(1, lint.loops().size(), lint.loops().toString());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aMethodDeclaredBlockingIsFoundOnEachCall(TargetJdk jdk) throws Exception {
        Path recording = LintedFixture.record(jdk, BlockHoundScenarioServer.class,
                Files.createDirectories(recordings.resolve("user-method")),
                List.of("blockingMethods=" + FIXTURE + "#usersOwnBlockingMethod"), "--scenario", "user-method");

        ProcessLint lint = LoopLint.analyze(recording, null, List.of());

        assertEquals(1, lint.findings().size(), lint.findings().toString());
        Finding finding = lint.findings().get(0);
        assertEquals(BlockingKind.BLOCKING_METHOD, finding.kind());
        assertEquals(FIXTURE + ".usersOwnBlockingMethod", finding.topApplicationFrame().qualifiedMethod());
        assertEquals(FIXTURE + ".callUsersBlockingMethod", finding.stack().frames().get(1).qualifiedMethod());
        assertEquals(REQUESTS, finding.count(), finding.toString());
        // Each call spins 1 ms.
        assertTrue(finding.totalNanos() >= REQUESTS * 1_000_000L, finding.toString());
    }

    /** The production case: the class is loaded already when lint attaches, and is instrumented then. */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aMethodDeclaredBlockingIsFoundInARunningJvm(TargetJdk jdk) throws Exception {
        CliRun lint;
        try (RunningJava server = ChildJava.on(jdk).main(BlockHoundScenarioServer.class)
                .args("--scenario", "user-method").start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", "2", "--round-trips", "100000", "--timeout-seconds",
                    "90").start()) {
                // The machine is shared: the attach may wait past its 10 s default for the JVM to answer.
                lint = CliRun.of("lint", "--pid", Long.toString(server.pid()), "--duration", "3s", "--timeout", "60s",
                        "--format", "json", "--blocking-method", FIXTURE + "#usersOwnBlockingMethod");
                assertTrue(driver.process().isAlive(), "the load lasted the whole recording");
            }
        }

        assertEquals(1, lint.exitCode(), lint.out() + lint.err());
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(lint.out()).path("processes")
                .forEach(p -> p.path("findings").forEach(findings::add));
        assertEquals(1, findings.size(), lint.out());
        JsonNode declared = findings.get(0);
        assertEquals("blocking-method", declared.path("kind").asText(), declared.toString());
        JsonNode top = declared.path("topApplicationFrame");
        assertEquals(FIXTURE + ".usersOwnBlockingMethod", top.path("className").asText() + "."
                + top.path("method").asText());
        assertTrue(declared.path("count").asLong() > 1, declared.toString());
    }

    @Test
    void aBlockingMethodNotWrittenClassHashMethodIsRefusedInOneLineWithWhere() throws Exception {
        Path allow = Files.writeString(recordings.resolve("bad.allow"), "blocking-method com.example.Cache.load\n");

        CliRun option = CliRun.of("lint", "--blocking-method", "com.example.Cache.load", "x.iotrace");
        CliRun file = CliRun.of("lint", "--allow", allow.toString(), "x.iotrace");

        assertEquals(2, option.exitCode(), option.err());
        assertEquals("iotrace: --blocking-method: expected CLASS#METHOD (com.example.Cache#load), got "
                + "'com.example.Cache.load'", option.err().strip());
        assertEquals(2, file.exitCode(), file.err());
        assertTrue(file.err().strip().startsWith("iotrace: " + allow + ":1: expected CLASS#METHOD"), file.err());
    }

    private Path record(TargetJdk jdk, String scenario, boolean churn) throws Exception {
        return LintedFixture.record(jdk, BlockHoundScenarioServer.class, Files.createDirectories(
                recordings.resolve(scenario)), "--scenario", scenario, "--churn", Boolean.toString(churn));
    }
}
