package io.iotrace.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.nativetransport.NativeTransportSyscallsTest;
import io.iotrace.cli.nativetransport.NettyNativeEchoMain;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs {@code iotrace benchmark} with a tiny load: it must print its figures; their values are never judged. */
class BenchmarkCommandTest {
    private static final int ROUND_TRIPS = 200;
    /** A pair's line ends with: recorded calls, CPU added per call ("-", "12 ns", "1.20 us"), dropped events. */
    private static final Pattern PAIR_LINE =
            Pattern.compile("(?m)^1 .* (\\d+) +(?:-|-?[0-9.]+ (?:ns|us)) +(\\d+)$");
    /** The pair's line with mode=summary: its recorded calls. */
    private static final Pattern SUMMARY_PAIR_LINE =
            Pattern.compile("(?m)^1 sum .* (\\d+) +(?:-|-?[0-9.]+ (?:ns|us)) +\\d+$");
    private static final Pattern SUMMARY_BYTES = Pattern.compile("mode=summary bytes on disk per call .*: [0-9.]+"
            + " \\((\\d+) bytes for (\\d+) calls\\)");
    private static final int WARM_UP = 0;
    /** One JVM's line of the attach benchmark: the first attach's time and the second's. */
    private static final Pattern ATTACH_LINE =
            Pattern.compile("(?m)^JVM 1: first attach (\\d+\\.\\d{3}) s, attach again (\\d+\\.\\d{3}) s$");

    @Test
    void aTinyBenchmarkPrintsItsPairAndRatioLinesAndCountsAReadAndAWritePerRoundTrip() {
        Path fixtures = BuiltJars.projectRoot().resolve("fixtures/target/iotrace-fixtures.jar");
        assertTrue(Files.isRegularFile(fixtures), fixtures + " is missing: package the fixtures first");
        System.setProperty("iotrace.fixtures.jar", fixtures.toString());

        CliRun run = CliRun.of("benchmark", "--pairs", "1", "--connections", "1", "--warm-up", "0",
                "--round-trips", Integer.toString(ROUND_TRIPS));

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("CPU-time ratio (median of 1 pairs): "), out);
        assertTrue(out.contains("Whole-run CPU-time ratio (median, start-up included): "), out);
        assertTrue(out.contains("Wall-clock throughput ratio (median): "), out);
        assertTrue(out.contains("CPU added per recorded call (median): "), out);
        assertTrue(out.contains("the CPU-time ratio is the figure that counts"), out);
        assertTrue(out.lines().anyMatch(line -> line.startsWith("median ")), out);

        Matcher pair = PAIR_LINE.matcher(out);
        assertTrue(pair.find(), "no line for pair 1 in:\n" + out);
        long recorded = Long.parseLong(pair.group(1));
        // One read and one write per round trip, plus the end-of-stream read and the next accept.
        assertTrue(recorded >= 2L * ROUND_TRIPS && recorded <= 2L * ROUND_TRIPS + 4,
                "recorded calls " + recorded + " in:\n" + out);
        assertEquals("0", pair.group(2), "dropped events in:\n" + out);

        Matcher summaryPair = SUMMARY_PAIR_LINE.matcher(out);
        assertTrue(summaryPair.find(), "no line for pair 1 with mode=summary in:\n" + out);
        assertEquals("0", summaryPair.group(1), "mode=summary records no call one by one:\n" + out);
        assertTrue(out.contains("mode=summary CPU-time ratio (median of 1 pairs): "), out);
        Matcher perCall = SUMMARY_BYTES.matcher(out);
        assertTrue(perCall.find(), out);
        long summarized = Long.parseLong(perCall.group(2));
        assertTrue(summarized >= 2L * (ROUND_TRIPS + WARM_UP), "every read and write summarized: " + out);
        assertTrue(Long.parseLong(perCall.group(1)) < 16 * 1024, "a file of snapshots only: " + out);
    }

    @Test
    void aTinyBenchmarkOfANettyNativeEpollEchoServerCountsItsReadsAndWritesMadeThroughJni() {
        Path fixtures = BuiltJars.projectRoot().resolve("fixtures/target/iotrace-fixtures.jar");
        System.setProperty("iotrace.fixtures.jar", fixtures.toString());

        CliRun run = CliRun.of("benchmark", "--pairs", "1", "--connections", "1", "--warm-up", "0",
                "--round-trips", Integer.toString(ROUND_TRIPS), "--server", NettyNativeEchoMain.class.getName(),
                "--server-classpath", NativeTransportSyscallsTest.nettyClasspath());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("iotrace benchmark: NettyNativeEchoMain "), run.out());
        Matcher pair = PAIR_LINE.matcher(run.out());
        assertTrue(pair.find(), "no line for pair 1 in:\n" + run.out());
        long recorded = Long.parseLong(pair.group(1));
        // A recv and a send per round trip, and the loop's epoll waits between them.
        assertTrue(recorded >= 2L * ROUND_TRIPS && recorded <= 4L * ROUND_TRIPS,
                "recorded calls " + recorded + " in:\n" + run.out());
        assertEquals("0", pair.group(2), "dropped events in:\n" + run.out());
    }

    @Test
    void theAttachBenchmarkPrintsTheTimeFromAttachToTheFirstRecordedEvent() {
        Path fixtures = BuiltJars.projectRoot().resolve("fixtures/target/iotrace-fixtures.jar");
        System.setProperty("iotrace.fixtures.jar", fixtures.toString());

        CliRun run = CliRun.of("benchmark", "--attach", "1", "--connections", "1", "--warm-up", "200");

        assertEquals(0, run.exitCode(), run.err());
        Matcher attach = ATTACH_LINE.matcher(run.out());
        assertTrue(attach.find(), run.out());
        assertTrue(Double.parseDouble(attach.group(1)) > 0, run.out());
        assertTrue(Double.parseDouble(attach.group(2)) > 0, run.out());
        assertTrue(run.out().contains("First attach to a JVM, to first event (median of 1 JVMs): "), run.out());
        assertTrue(run.out().contains("Attach again to the same JVM (median of 1): "), run.out());
    }

    @Test
    void theAttachBenchmarkUnderAPacedLoadSaysSoAndStillSeesAnEvent() {
        Path fixtures = BuiltJars.projectRoot().resolve("fixtures/target/iotrace-fixtures.jar");
        System.setProperty("iotrace.fixtures.jar", fixtures.toString());

        CliRun run = CliRun.of("benchmark", "--attach", "1", "--connections", "1", "--warm-up", "200",
                "--pause", "1ms");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 connections, each pausing 1 ms after each round trip"), run.out());
        assertTrue(ATTACH_LINE.matcher(run.out()).find(), run.out());
    }

    @Test
    void pausingIsRefusedForTheOverheadBenchmark() {
        CliRun run = CliRun.of("benchmark", "--pause", "1ms");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--pause is for --attach only"), run.err());
    }
}
