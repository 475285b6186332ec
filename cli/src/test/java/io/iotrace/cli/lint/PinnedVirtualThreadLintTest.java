package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.TargetJdk;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    @Test
    void virtualThreadsPinnedOnlyByAClassInitializationAreTheJvmsOwnAndGiveNoFinding() throws Exception {
        CliRun run = lint("class-init");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(List.of(), findingsOf(run));
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
