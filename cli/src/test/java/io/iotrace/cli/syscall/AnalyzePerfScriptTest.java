package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program whose calls and syscalls are known, run under the agent inside {@code perf record -k CLOCK_MONOTONIC},
 * then {@code iotrace analyze} of its recording and of {@code perf script}'s text: perf stamped the syscalls with the
 * clock of {@code System.nanoTime()}, so each Java call is matched with its thread's syscalls without any mapping.
 */
class AnalyzePerfScriptTest {
    private static final String SYSCALL_TRACEPOINTS = "raw_syscalls:sys_enter,raw_syscalls:sys_exit";
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static JsonNode correlation;

    @BeforeAll
    static void runTheProgramUnderPerfRecordAndAnalyzeItsScript() throws Exception {
        assumePerfRecordsSyscallTracepoints();
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path data = dir.resolve("perf.data");
        List<String> record = new ArrayList<>(List.of("perf", "record", "-q", "-e", SYSCALL_TRACEPOINTS,
                "-k", "CLOCK_MONOTONIC", "-o", data.toString(), "--"));
        record.addAll(ChildJava.on(TargetJdk.jdk17()).traced(recordings).main(ReadsAndTransferProgram.class)
                .args(work.toString()).command());
        try (RunningJava perf = start("perf-record", record, null)) {
            perf.awaitSuccess(LIMIT);
        }
        Path log = dir.resolve("perf.log");
        try (RunningJava script = start("perf-script", List.of("perf", "script", "-i", data.toString()), log)) {
            script.awaitSuccess(LIMIT);
        }
        CliRun analyze = CliRun.of("analyze", onlyRecordingIn(recordings).toString(), log.toString(),
                "--format", "json");
        assertEquals(0, analyze.exitCode(), analyze.err());
        JsonNode report = new ObjectMapper().readTree(analyze.out());
        assertEquals(1, report.get("correlations").size(), analyze.out());
        correlation = report.get("correlations").get(0);
    }

    /** Skips, saying why, where perf is missing or may not record tracepoints (a container, perf_event_paranoid). */
    private static void assumePerfRecordsSyscallTracepoints() throws Exception {
        List<String> probe = List.of("perf", "record", "-q", "-e", "raw_syscalls:sys_enter", "-k", "CLOCK_MONOTONIC",
                "-o", dir.resolve("probe.data").toString(), "--", "true");
        try (RunningJava perf = start("perf-probe", probe, null)) {
            int code = perf.awaitExit(LIMIT);
            Assumptions.assumeTrue(code == 0, "perf cannot record syscall tracepoints here: '"
                    + String.join(" ", probe) + "' exited with " + code + ": " + perf.stderr().strip());
        } catch (IOException e) {
            Assumptions.abort("perf cannot be started here: " + e.getMessage());
        }
    }

    /** Starts a command; its output goes to {@code output} when given, else it is collected. */
    private static RunningJava start(String name, List<String> command, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // The agent must be the one this test asks for, not one injected by a surrounding 'iotrace run'.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return RunningJava.of(name, builder.start());
    }

    private static Path onlyRecordingIn(Path recordings) throws IOException {
        try (Stream<Path> files = Files.list(recordings)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".iotrace")).toList();
            assertEquals(1, found.size(), "recordings: " + found);
            return found.get(0);
        }
    }

    @Test
    void everySocketReadIntoAHeapBufferIsExactlyOneReadSyscall() {
        JsonNode heap = CorrelationJson.calls(correlation, "read", "heap ByteBuffer", "socket channel");
        assertEquals(ReadsAndTransferProgram.ROUNDS, CorrelationJson.everyCallMadeOneSocketRead(heap));
    }

    @Test
    void everySocketReadIntoADirectBufferIsExactlyOneReadSyscallToo() {
        JsonNode direct = CorrelationJson.calls(correlation, "read", "direct ByteBuffer", "socket channel");
        assertEquals(ReadsAndTransferProgram.ROUNDS, CorrelationJson.everyCallMadeOneSocketRead(direct));
    }

    @Test
    void theClockLineSaysThePerfStampsWereTakenAsTheRecordingsOwnClock() {
        String clock = correlation.get("clock").asText();
        assertTrue(clock.contains("CLOCK_MONOTONIC") && clock.contains("no mapping"), clock);
        assertEquals(0, correlation.get("warnings").size(), correlation.get("warnings").toString());
    }
}
