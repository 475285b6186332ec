package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace run --strace} on a program whose calls and syscalls are known, then {@code iotrace analyze} of the
 * recording and strace log it kept: each Java call is matched with the syscalls its thread made inside it.
 */
class RunWithStraceTest {
    @TempDir
    static Path dir;
    static CliRun run;
    static JsonNode correlation;

    @BeforeAll
    static void runTheProgramUnderStrace() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createDirectories(dir.resolve("work"));
        run = CliRun.of("run", "--strace", "--format", "json", "-o", dir.resolve("out").toString(), "--",
                java.toString(), "-cp", BuiltJars.classpathOf(ReadsAndTransferProgram.class), ReadsAndTransferProgram.class.getName(), work.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.err());
        assertEquals(1, report.get("correlations").size(), run.err());
        correlation = report.get("correlations").get(0);
    }

    private static Path keptRecording() throws IOException {
        try (var files = Files.list(dir.resolve("out"))) {
            return files.filter(f -> f.toString().endsWith(".iotrace")).findFirst().orElseThrow();
        }
    }

    private static JsonNode calls(String operation, String buffer, String resource) {
        return CorrelationJson.calls(correlation, operation, buffer, resource);
    }

    @Test
    void everySocketReadIntoAHeapBufferIsExactlyOneReadSyscall() {
        JsonNode heap = calls("read", "heap ByteBuffer", "socket channel");
        assertEquals(ReadsAndTransferProgram.ROUNDS, CorrelationJson.everyCallMadeOneSocketRead(heap));
    }

    @Test
    void heapBufferReadsMakeAsManySyscallsAsDirectOnesTheirExtraCopyIsInUserSpace() {
        JsonNode heap = calls("read", "heap ByteBuffer", "socket channel");
        JsonNode direct = calls("read", "direct ByteBuffer", "socket channel");
        assertEquals(ReadsAndTransferProgram.ROUNDS, CorrelationJson.everyCallMadeOneSocketRead(direct));
        assertEquals(heap.get("perCall"), direct.get("perCall"));
    }

    @Test
    void transferToBetweenFilesIsSendfile() {
        JsonNode transfer = calls("transferTo", "none", "file channel");
        assertTrue(transfer.get("syscalls").has("sendfile"), transfer.toString());
    }

    @Test
    void theReportEstimatesHowMuchSlowerTheProgramRanUnderStrace() {
        JsonNode slowdown = correlation.get("slowdown");
        assertTrue(slowdown.get("how").asText().startsWith("estimated"), slowdown.toString());
        assertTrue(slowdown.get("how").asText().contains("calibrated"), slowdown.toString());
        assertTrue(slowdown.get("factor").asDouble() > 1.0, "strace stops cost time: " + slowdown);
    }

    @Test
    void theStraceLogIsKeptAndAnalyzeMatchesItWithTheRecordingAgain() throws Exception {
        Path out = dir.resolve("out");
        Path log = out.resolve(StraceWrapper.LOG_NAME);
        Path recording = keptRecording();
        CliRun analyze = CliRun.of("analyze", recording.toString(), log.toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        assertTrue(analyze.out().contains("syscalls of java process"), analyze.out());
        assertTrue(analyze.out().contains("read (heap ByteBuffer, socket channel): " + ReadsAndTransferProgram.ROUNDS
                + " calls"), analyze.out());
    }

    @Test
    void analyzeReadsTheRecordingOnceForBothItsReportAndTheMatchWithTheSyscalls() throws Exception {
        Path out = dir.resolve("out");
        Path log = out.resolve(StraceWrapper.LOG_NAME);
        Path recording = keptRecording();
        Path opens = dir.resolve("analyze-opens.strace");
        Path report = dir.resolve("analyze-report.txt");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=open,openat",
                "-o", opens.toString()));
        command.addAll(CliProcess.command("analyze", recording.toString(), log.toString()));
        ProcessBuilder analyze = new ProcessBuilder(command).redirectOutput(report.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        analyze.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = analyze.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "iotrace analyze under strace did not finish");
        assertEquals(0, process.exitValue());

        List<String> recordingOpens = Files.readAllLines(opens).stream()
                .filter(line -> line.contains("\"" + recording + "\"")).toList();
        assertEquals(1, recordingOpens.size(), String.join("\n", recordingOpens));
        assertEquals(CliRun.of("analyze", recording.toString(), log.toString()).out(), Files.readString(report));
    }
}
