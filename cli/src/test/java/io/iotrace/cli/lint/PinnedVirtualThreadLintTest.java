package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.finding.LoopLint;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads pinned to their carrier, on JDK 25, where only a native frame or a class initialization still
 * pins: {@code programs/PinnedUpcall.java} sorts with libc's {@code qsort} under a comparator upcall that sleeps.
 * {@code iotrace lint} runs it through the source launcher, as a user would.
 */
class PinnedVirtualThreadLintTest {
    /** What {@code PinnedUpcall} does: 3 virtual threads, 2 sorts each, at least 2 comparisons per sort, 5 ms each. */
    private static final int SORTING_THREADS = 3;
    private static final int LEAST_PINNED_SLEEPS = SORTING_THREADS * 2 * 2;
    private static final long SLEEP_NANOS = 5_000_000;

    @TempDir
    Path dir;

    @Test
    void aVirtualThreadSleepingInAnUpcallUnderQsortIsOnePinnedFindingAtTheComparator() throws Exception {
        CliRun run = lint("pinned");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<JsonNode> findings = findingsOf(run);
        assertEquals(1, findings.size(), "one finding for the one stack: " + run.out());
        JsonNode finding = findings.get(0);
        assertEquals("virtual-thread-pinned", finding.path("kind").asText());
        JsonNode top = finding.path("topApplicationFrame");
        assertEquals("PinnedUpcall.compareSlowly", top.path("className").asText() + "." + top.path("method").asText());
        assertEquals("Native or VM frame on stack", finding.path("resource").asText(), "why it was pinned");
        Set<String> threads = new TreeSet<>();
        finding.path("threads").forEach(t -> threads.add(t.asText()));
        assertEquals(Set.of("sorter-0", "sorter-1", "sorter-2"), threads);
        assertTrue(finding.path("count").asLong() >= LEAST_PINNED_SLEEPS, finding.toString());
        assertTrue(finding.path("maxNanos").asLong() >= SLEEP_NANOS, "pinned at least as long as the sleep: " + finding);
    }

    @Test
    void virtualThreadsThatSleepWithoutANativeFrameUnmountAndGiveNoFinding() throws Exception {
        CliRun run = lint("clean");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(List.of(), findingsOf(run));
    }

    /**
     * Traced directly, so that the Flight Recorder file can be read too: the JVM did pin the virtual threads while
     * initializing the class, and lint leaves those pins out as the JVM's own, rather than seeing none.
     */
    @Test
    void virtualThreadsPinnedOnlyByAClassInitializationAreTheJvmsOwnAndGiveNoFinding() throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("class-init"));
        Process traced = new ProcessBuilder(TargetJdk.jdk25().java().toString(),
                "-javaagent:" + BuiltJars.agentJar() + "=dir=" + recordings + ",blocking=true",
                "--enable-native-access=ALL-UNNAMED", program().toString(), "class-init").start();
        try (RunningJava program = RunningJava.of("PinnedUpcall class-init", traced)) {
            program.awaitSuccess(Duration.ofSeconds(60));
        }
        Path recording;
        try (Stream<Path> files = Files.list(recordings)) {
            recording = files.filter(f -> f.toString().endsWith(".iotrace")).findFirst().orElseThrow();
        }
        long pins;
        try (RecordingFile jfr = new RecordingFile(LoopLint.blockingFileOf(recording))) {
            pins = 0;
            while (jfr.hasMoreEvents()) {
                pins += jfr.readEvent().getEventType().getName().equals("jdk.VirtualThreadPinned") ? 1 : 0;
            }
        }

        assertTrue(pins > 0, "the JVM pinned the virtual threads that waited for the class's initialization");
        assertEquals(List.of(), LoopLint.analyze(recording, null, List.of()).findings());
    }

    @Test
    void thePinnedFindingKeepsItsFingerprintFromRunToRunThoughItsStackHoldsHiddenClasses() throws Exception {
        Path baseline = dir.resolve("baseline.json");

        CliRun adopt = lint("--write-baseline", baseline.toString(), "pinned");
        CliRun rerun = lint("--baseline", baseline.toString(), "pinned");

        assertEquals(1, adopt.exitCode(), adopt.out() + adopt.err());
        assertEquals(0, rerun.exitCode(), "the baseline's finding again: " + rerun.out() + rerun.err());
        assertEquals(List.of(), findingsOf(rerun));
    }

    /** {@code iotrace lint --format json OPTIONS... -- <jdk25>/bin/java ... PinnedUpcall.java MODE}. */
    private static CliRun lint(String... optionsThenMode) throws URISyntaxException {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
        args.addAll(List.of(optionsThenMode).subList(0, optionsThenMode.length - 1));
        args.addAll(List.of("--", TargetJdk.jdk25().java().toString(), "--enable-native-access=ALL-UNNAMED",
                program().toString(), optionsThenMode[optionsThenMode.length - 1]));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Path program() throws URISyntaxException {
        return Path.of(PinnedVirtualThreadLintTest.class.getResource("/programs/PinnedUpcall.java").toURI());
    }

    private static List<JsonNode> findingsOf(CliRun run) throws Exception {
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<JsonNode> findings = new ArrayList<>();
        report.path("processes").forEach(p -> p.path("findings").forEach(findings::add));
        return findings;
    }
}
