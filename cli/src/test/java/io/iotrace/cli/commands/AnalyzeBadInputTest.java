package io.iotrace.cli.commands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.LauncherStandIn;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.FileCopyWorkload;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace analyze} on files that are not whole recordings: one line on standard error that names the file and
 * says what is wrong, exit code 2, and no stack trace.
 */
class AnalyzeBadInputTest {
    @TempDir
    static Path files;

    /** Each bad file, and what its error message must say (a regular expression found in it). */
    private static final Map<Path, String> BAD = new LinkedHashMap<>();

    @BeforeAll
    static void makeBadFiles() throws Exception {
        BAD.put(files.resolve("missing.iotrace"), "no such file");
        BAD.put(Files.createFile(files.resolve("empty.iotrace")), "empty");
        BAD.put(Files.writeString(files.resolve("notes.txt"), "hello, this is text\n"), "(not|neither) an iotrace recording");
        BAD.put(flightRecording(), "JFR|Flight Recorder");
        byte[] damaged = Files.readAllBytes(realRecording());
        // The first chunk's length, after the 10-byte header, made larger than any chunk the agent writes.
        ByteBuffer.wrap(damaged).putInt(11, Integer.MAX_VALUE);
        BAD.put(Files.write(files.resolve("damaged.iotrace"), damaged), "damaged chunk length");
    }

    @Test
    void eachBadFileGetsOneLineNamingItAndExitCode2() {
        assertAll(BAD.entrySet().stream().map(bad -> () -> {
            CliRun run = CliRun.of("analyze", bad.getKey().toString());
            assertOneLineError(bad.getKey(), bad.getValue(), run.exitCode(), run.err());
            assertEquals("", run.out(), "nothing on standard output");
        }));
    }

    @Test
    void theLauncherScriptReportsADamagedRecordingTheSameWay() throws Exception {
        Path script = LauncherStandIn.create(Files.createDirectories(files.resolve("install")));
        Path damaged = files.resolve("damaged.iotrace");
        try (RunningJava iotrace = LauncherStandIn.start(script, "analyze", "--format", "json", damaged.toString())) {
            int code = iotrace.awaitExit(Duration.ofSeconds(60));
            assertOneLineError(damaged, BAD.get(damaged), code, iotrace.stderr());
            assertEquals("", iotrace.stdout(), "nothing on standard output");
        }
    }

    private static void assertOneLineError(Path file, String problem, int exitCode, String err) {
        assertEquals(2, exitCode, "exit code for " + file + "; stderr: " + err);
        String[] lines = err.strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr for " + file + ": " + err);
        assertTrue(lines[0].contains(file.toString()), "names the file: " + lines[0]);
        assertTrue(Pattern.compile(problem).matcher(lines[0]).find(), "says '" + problem + "': " + lines[0]);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    }

    /** A JDK Flight Recorder file, the other binary recording a user may hand us by mistake. */
    private static Path flightRecording() throws Exception {
        Path jfr = files.resolve("startup.jfr");
        try (RunningJava java = ChildJava.on(TargetJdk.jdk17()).jvmOption("-XX:StartFlightRecording=filename=" + jfr)
                .main("-version").start()) {
            java.awaitSuccess(Duration.ofSeconds(60));
        }
        assertTrue(Files.size(jfr) > 0, "JFR wrote " + jfr);
        return jfr;
    }

    /** A complete recording of a small traced program, to damage. */
    private static Path realRecording() throws Exception {
        Path recordings = Files.createDirectories(files.resolve("recordings"));
        try (RunningJava copy = ChildJava.on(TargetJdk.jdk17()).traced(recordings).main(FileCopyWorkload.class)
                .args("--mode", "all", "--size", "65536", "--chunk", "4096", "--dir", recordings.toString()).start()) {
            copy.awaitSuccess(Duration.ofSeconds(60));
            assertTrue(Files.size(copy.recording()) > 1000, "a recording with events to cut through");
            return copy.recording();
        }
    }
}
