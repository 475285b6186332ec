package io.iotrace.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.CliRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code iotrace benchmark strace-parse} on tiny logs, one built from the corpus's real-program strace logs,
 * one generated and one built from its perf recordings: on each, all three contenders counted the same lines (the
 * benchmark refuses to print otherwise), the log's shape and every figure are printed; their values are never
 * judged. The scaling table, which writes
 * gigabytes, is left out.
 */
class StraceParseCommandTest {
    private static final Pattern CONTENDER =
            Pattern.compile("(?m)^(wc -l|readLine loop|iotrace parse) +[0-9.]+ s +\\d+ MiB/s +\\d+ lines/s +[0-9.]+x wc$");

    @Test
    void aTinyParseBenchmarkPrintsEachContenderTheRatioAndThePeakHeap() {
        CliRun run = CliRun.of("benchmark", "strace-parse", "--mib", "2", "--no-scaling", "--warm-up", "1");

        assertEquals(0, run.exitCode(), run.err() + run.out());
        Matcher contender = CONTENDER.matcher(run.out());
        int contenders = 0;
        while (contender.find()) {
            contenders++;
        }
        assertEquals(9, contenders, run.out());
        assertTrue(Pattern.compile("(?m)^perf script log: 2 MiB, \\d+ lines, \\d+ threads, longest line \\d+ bytes$")
                .matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("(?m)^real-shaped log: 2 MiB, \\d+ lines, \\d+ threads, \\d+ processes,"
                + " \\d+% unfinished, \\d+% resumed, longest line \\d+ bytes$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("parse / readLine: "), run.out());
        assertTrue(run.out().contains("peak heap during parse: "), run.out());
    }

    @Test
    void aSizeBelowOneMebibyteIsAUsageError() {
        CliRun run = CliRun.of("benchmark", "strace-parse", "--mib", "0");

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("--mib must be at least 1, was 0"), run.err());
    }
}
