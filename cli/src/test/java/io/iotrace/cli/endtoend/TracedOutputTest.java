package io.iotrace.cli.endtoend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.programs.PrintsOnBothStreams;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.FileCopyWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent records a program's I/O without changing it: what the program prints stays the same, byte for byte,
 * on standard output and on standard error, apart from the line the JVM itself prints for JAVA_TOOL_OPTIONS.
 */
class TracedOutputTest {
    private static final String PICKED_UP = "Picked up JAVA_TOOL_OPTIONS: ";

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

    @ParameterizedTest
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void runLeavesTheStdoutAndStderrOfATracedJvmAsTheyAreUntraced(TargetJdk jdk) throws Exception {
        ChildJava program = ChildJava.on(jdk).main(PrintsOnBothStreams.class)
                .args(work.resolve("data").toString());
        Path report = work.resolve("report.txt");
        RunningJava untraced = program.start();
        untraced.awaitSuccess(Duration.ofSeconds(60));
        List<String> run = new ArrayList<>(List.of("run", "--report", report.toString(), "--"));
        run.addAll(program.command());
        try (RunningJava traced = CliProcess.start(run.toArray(String[]::new))) {
            traced.awaitSuccess(Duration.ofSeconds(60));

            assertEquals("read 10000 bytes\n", untraced.stdout(), "the program ran");
            assertArrayEquals(untraced.stdoutBytes(), traced.stdoutBytes(), traced.describeOutput());
            String stderr = traced.stderr();
            assertTrue(stderr.startsWith(PICKED_UP), traced.describeOutput());
            assertEquals(untraced.stderr(), stderr.substring(stderr.indexOf('\n') + 1), traced.describeOutput());
            assertTrue(Files.readString(report).startsWith("iotrace report: pid "), Files.readString(report));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(report), "the report is its owner's only");
        } finally {
            untraced.close();
        }
    }

    @Test
    void runPrintsNothingOfItsOwnOnTheCommandsStdout() throws Exception {
        try (RunningJava run = CliProcess.start("run", "--", "sh", "-c", "echo hi")) {
            run.awaitSuccess(Duration.ofSeconds(60));

            assertEquals("hi\n", run.stdout());
            assertTrue(run.stderr().contains("No JVM was traced"), run.describeOutput());
        }
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
