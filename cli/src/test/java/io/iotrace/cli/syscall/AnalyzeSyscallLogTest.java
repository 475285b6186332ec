package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotrace analyze} given strace and perf logs: the syscall report, and clear refusals of anything else. */
class AnalyzeSyscallLogTest {
    /** A blocking echo server as {@code strace -f -ttt -T -yy} writes it: accept, then read/write until EOF. */
    private static final String BLOCKING_SERVER = """
            4100 1700000000.000100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3<TCP:[21000]> <0.000020>
            4100 1700000000.000200 bind(3<TCP:[21000]>, {sa_family=AF_INET, sin_port=htons(7000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0 <0.000010>
            4100 1700000000.000300 listen(3<TCP:[127.0.0.1:7000]>, 50) = 0 <0.000008>
            4100 1700000000.000400 accept(3<TCP:[127.0.0.1:7000]>, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr("127.0.0.1")}, [16]) = 4<TCP:[127.0.0.1:7000->127.0.0.1:40000]> <0.004000>
            4100 1700000000.004500 read(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>, "hello\\n", 8192) = 6 <0.002000>
            4100 1700000000.006600 write(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>, "hello\\n", 6) = 6 <0.000030>
            4100 1700000000.006700 read(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>, "again\\n", 8192) = 6 <0.003000>
            4100 1700000000.009800 write(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>, "again\\n", 6) = 6 <0.000030>
            4100 1700000000.009900 read(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>, "", 8192) = 0 <0.001000>
            4100 1700000000.011000 close(4<TCP:[127.0.0.1:7000->127.0.0.1:40000]>) = 0 <0.000010>
            4100 1700000000.011100 +++ exited with 0 +++
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    @Test
    void anStraceLogIsSniffedAndGetsTheSyscallReportWithItsModel() throws IOException {
        String log = write("server.log", BLOCKING_SERVER);
        CliRun run = CliRun.of("analyze", log);
        assertEquals(0, run.exitCode(), describe(run));
        assertTrue(run.out().contains("syscall log: " + log), describe(run));
        assertTrue(run.out().contains("11 lines, 11 events, 0 skipped"), describe(run));
        assertTrue(run.out().contains("process 4100"), describe(run));
        assertTrue(run.out().contains("  I/O model    blocking"), describe(run));
        assertEquals("", run.err());
    }

    @Test
    void theJsonReportCarriesTheSyscallsBesideTheRecordingProcesses() throws IOException {
        String log = write("server.log", BLOCKING_SERVER);
        CliRun run = CliRun.of("analyze", "--format", "json", log);
        assertEquals(0, run.exitCode(), describe(run));
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("iotrace.report/4", json.get("schema").asText());
        assertEquals(1, json.get("processes").size());
        JsonNode read = json.get("syscallLog");
        assertEquals(11, read.get("lines").asLong());
        assertEquals(0, read.get("skippedLines").asLong());
        JsonNode process = json.get("processes").get(0);
        assertEquals("syscall log", process.get("source").asText());
        assertEquals(4100, process.get("process").get("pid").asInt());
        assertEquals("blocking", process.get("ioModel").asText());
        assertEquals("high", process.get("confidence").asText());
        JsonNode reads = waitOfKind(process.get("totals"), "read");
        assertEquals(3, reads.get("calls").asLong());
        assertEquals(12, reads.get("bytes").asLong());
        assertEquals(4, process.get("totals").get("copies").get("kernelUserCopies").asLong(),
                "two reads and two writes moved bytes, one kernel-user copy each; the read at end of stream none");
    }

    @Test
    void aPerfTraceLogIsReadToo() throws IOException {
        String log = write("perf.txt", """
                     0.000 ( 2.000 ms): server/4200 read(fd: 4<socket:[30676]>, buf: 0x7ffd, count: 8192) = 6
                     2.100 ( 0.010 ms): server/4200 write(fd: 4<socket:[30676]>, buf: 0x7ffd, count: 6) = 6
                     2.200 ( 3.000 ms): server/4200 read(fd: 4<socket:[30676]>, buf: 0x7ffd, count: 8192) = 0
                """);
        CliRun run = CliRun.of("analyze", log);
        assertEquals(0, run.exitCode(), describe(run));
        assertTrue(run.out().contains("3 lines, 3 events, 0 skipped"), describe(run));
        assertTrue(run.out().contains("process 4200"), describe(run));
    }

    @Test
    void aLogCutInItsLastLineIsReportedWithAWarningAndFailsOnlyWhenStrict() throws IOException {
        String cut = BLOCKING_SERVER.substring(0, BLOCKING_SERVER.indexOf("4100 1700000000.009900") + 40);
        String log = write("cut.log", cut);
        CliRun lenient = CliRun.of("analyze", log);
        assertEquals(0, lenient.exitCode(), describe(lenient));
        assertTrue(lenient.out().contains("9 lines, 8 events, 1 skipped"), describe(lenient));
        assertTrue(lenient.out().contains("warning: " + log + ":9: skipped, the last line is cut short"),
                describe(lenient));

        CliRun strict = CliRun.of("analyze", "--strict", log);
        assertEquals(2, strict.exitCode(), describe(strict));
        assertEquals("iotrace: " + log + ":9: the last line is cut short (was the tracer killed?)\n", strict.err());
        assertEquals("", strict.out());
    }

    @Test
    void aMalformedLineIsSkippedAndCountedByDefaultAndNamedByFileAndLineWhenStrict() throws IOException {
        String log = write("mixed.log", BLOCKING_SERVER.replace(
                "4100 1700000000.006600 write(", "4100 1700000000.006600 garbled write("));
        CliRun lenient = CliRun.of("analyze", "--format", "json", log);
        assertEquals(0, lenient.exitCode(), describe(lenient));
        JsonNode document = new ObjectMapper().readTree(lenient.out());
        assertEquals(1, document.get("syscallLog").get("skippedLines").asLong());
        assertTrue(document.get("warnings").get(0).asText().startsWith(log + ":6: skipped"), describe(lenient));

        CliRun strict = CliRun.of("analyze", "--strict", log);
        assertEquals(2, strict.exitCode(), describe(strict));
        assertTrue(strict.err().startsWith("iotrace: " + log + ":6: "), describe(strict));
    }

    @Test
    void binaryGarbageIsRefusedAsBinaryOnOneLine() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(9).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.bin"), garbage);
        assertRefused(CliRun.of("analyze", file.toString()), file + ":1:", "binary data");
    }

    @Test
    void anLtraceLogIsRefusedNamingTheLibraryCall() throws IOException {
        String log = write("ltrace.log", """
                12001 __libc_start_main(0x401136, 1, 0x7ffd, 0x401190 <unfinished ...>
                12001 malloc(16)                               = 0x4052a0
                12001 strlen("hello")                          = 5
                12001 +++ exited (status 0) +++
                """);
        assertRefused(CliRun.of("analyze", log), log + ":1:", "an ltrace log", "__libc_start_main");
    }

    @Test
    void aJfrFileIsRefusedAsAJfrRecording() throws IOException {
        Path file = Files.write(dir.resolve("app.jfr"), new byte[]{'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0, 0, 64});
        assertRefused(CliRun.of("analyze", file.toString()), file + ":1:", "a JFR recording");
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() throws IOException {
        String log = write("empty.log", "");
        assertRefused(CliRun.of("analyze", log), log + ":1:", "an empty file");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.log");
        CliRun run = CliRun.of("analyze", missing.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("iotrace: " + missing + ": no such file\n", run.err());
    }

    private static String describe(CliRun run) {
        return "exit " + run.exitCode() + "\n--- out:\n" + run.out() + "--- err:\n" + run.err();
    }

    private static void assertRefused(CliRun run, String location, String... phrases) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out(), describe(run));
        String err = run.err();
        assertTrue(err.startsWith("iotrace: " + location + " not an iotrace recording or a syscall log"),
                describe(run));
        for (String phrase : phrases) {
            assertTrue(err.contains(phrase), phrase + " in " + describe(run));
        }
        assertEquals(1, err.lines().count(), "one line: " + describe(run));
        assertFalse(err.contains("Exception"), describe(run));
    }

    /** The figures of one kind of call in a report's {@code totals}. */
    private static JsonNode waitOfKind(JsonNode summary, String kind) {
        for (JsonNode wait : summary.get("waits")) {
            if (wait.get("kind").asText().equals(kind)) {
                return wait;
            }
        }
        throw new AssertionError("no " + kind + " calls in " + summary);
    }
}
