package io.iotrace.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak's short version: a few seconds of full load with a tiny {@code maxsize} roll the recording over and over,
 * the folder stays under the limit at every sample, and the set's summaries still count the whole run.
 */
class SoakCommandTest {
    private static final Pattern FOLDER = Pattern.compile("recording folder: peak .* in (\\d+) files; under the limit"
            + " all the time: (\\w+)");
    private static final Pattern ECHOED = Pattern.compile("the summaries count (\\d+) bytes written by the server's"
            + " connection threads; the load driver echoed (\\d+)");

    @Test
    void aShortSoakWithATinyMaxsizeStaysUnderItAndItsSummariesCountEveryEchoedByte() {
        System.setProperty("iotrace.fixtures.jar",
                BuiltJars.projectRoot().resolve("fixtures/target/iotrace-fixtures.jar").toString());

        CliRun soak = CliRun.of("benchmark", "soak", "--duration", "6s", "--maxsize", "1m", "--interval", "500ms",
                "--connections", "2");

        assertEquals(0, soak.exitCode(), soak.out() + soak.err());
        Matcher folder = FOLDER.matcher(soak.out());
        assertTrue(folder.find(), soak.out());
        assertEquals("yes", folder.group(2), soak.out());
        assertTrue(Integer.parseInt(folder.group(1)) >= 3, "the set rolled over: " + soak.out());
        Matcher echoed = ECHOED.matcher(soak.out());
        assertTrue(echoed.find(), soak.out());
        assertEquals(echoed.group(2), echoed.group(1), soak.out());
        assertTrue(soak.out().contains(" snapshots from 0.5 s to "), "the first snapshot survives its deleted file: "
                + soak.out());
    }
}
