package io.iotrace.cli.endtoend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.FileCopyWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent records a program's I/O without changing it: what the program prints stays the same, byte for byte. */
class TracedOutputTest {
    @TempDir
    Path recordings;

    @TempDir
    Path work;

    @Test
    void aTracedProgramPrintsExactlyWhatItPrintsUntraced() throws Exception {
        ChildJava untraced = copyAllWays(ChildJava.on(TargetJdk.jdk17()));
        ChildJava traced = copyAllWays(ChildJava.on(TargetJdk.jdk17()).traced(recordings));
        byte[] expected = stdoutOf(untraced);
        byte[] actual = stdoutOf(traced);

        assertTrue(new String(expected).contains("COPIED mode=transfer"), "the program ran: " + new String(expected));
        assertTrue(Files.list(recordings).findAny().isPresent(), "the traced run made a recording");
        assertArrayEquals(expected, actual, "traced stdout: [" + new String(actual) + "]");
    }

    private ChildJava copyAllWays(ChildJava java) {
        return java.main(FileCopyWorkload.class).args("--mode", "all", "--size", "40000", "--chunk", "4096",
                "--dir", work.toString());
    }

    private static byte[] stdoutOf(ChildJava java) throws Exception {
        try (RunningJava running = java.start()) {
            running.awaitSuccess(Duration.ofSeconds(60));
            return running.stdoutBytes();
        }
    }
}
