package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.analyzers.source.SyscallLogException;

import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that are not strace logs, or damaged ones: a one-line message with file and line, never a crash. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private SyscallLogException refused(Path file) {
        SyscallLogException e = assertThrows(SyscallLogException.class,
                () -> SyscallLogAnalyzer.analyze(List.of(file), false));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() throws IOException {
        SyscallLogException e = refused(write("empty.log", ""));
        assertTrue(e.getMessage().contains("an empty file"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void binaryGarbageIsRefusedAsBinary() throws IOException {
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.log"), garbage);
        assertTrue(refused(file).getMessage().contains("binary data"));
    }

    @Test
    void aJfrRecordingIsRefusedAsJfr() throws IOException {
        byte[] jfr = {'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 64};
        SyscallLogException e = refused(Files.write(dir.resolve("rec.jfr"), jfr));
        assertTrue(e.getMessage().contains("JFR recording"), e.getMessage());
    }

    @Test
    void anLtraceLogIsRefusedAsLtraceNamingTheLibraryCall() throws IOException {
        Path file = write("ltrace.log", """
                12001 __libc_start_main(0x401136, 1, 0x7ffd, 0x401190 <unfinished ...>
                12001 malloc(16)                               = 0x4052a0
                12001 strlen("hello")                          = 5
                12001 printf("%s\\n", "hello")                  = 6
                12001 +++ exited (status 0) +++
                """);
        SyscallLogException e = refused(file);
        assertTrue(e.getMessage().contains("ltrace log"), e.getMessage());
        assertTrue(e.getMessage().contains("__libc_start_main"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void perfScriptOfNonSyscallEventsIsRefusedNamingTheEvent() throws IOException {
        Path file = write("perf-script.txt", """
                            java  9656 [001] 12345.678901:     250000 cpu-clock:pppH:      7f1c2b3c4d5e [unknown] (/usr/lib/jvm/libjvm.so)
                            java  9656 [001] 12345.679151:     250000 cpu-clock:pppH:      7f1c2b3c4d60 [unknown] (/usr/lib/jvm/libjvm.so)
                """);
        SyscallLogException e = refused(file);
        assertTrue(e.getMessage().contains("events that are not syscalls"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu-clock"), e.getMessage());
    }

    @Test
    void plainProseIsRefusedAsUnknownText() throws IOException {
        assertTrue(refused(write("notes.txt", "Dear diary,\ntoday I traced nothing.\n")).getMessage()
                .contains("neither an strace nor a perf trace"));
    }

    @Test
    void aLastLineCutShortIsSkippedWithAWarningAndFailsStrictModeAtItsLine() throws Exception {
        Path file = write("cut.log", "5 close(3) = 0\n5 read(3, \"ab");
        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(file), false);
        assertEquals(1, report.skippedLines());
        assertEquals(2, report.lines());
        assertTrue(report.warnings().get(0).startsWith(file + ":2: skipped, the last line is cut short"),
                report.warnings().get(0));
        SyscallLogException e = assertThrows(SyscallLogException.class,
                () -> SyscallLogAnalyzer.analyze(List.of(file), true));
        assertEquals(2, e.line());
    }

    @Test
    void malformedLinesAreCountedByDefaultAndFailStrictModeAtTheirLine() throws Exception {
        Path file = write("mixed.log", "5 close(3) = 0\n5 garbage here\n5 close(4) = 0\n5 more garbage\n");
        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(file), false);
        assertEquals(2, report.skippedLines());
        assertEquals(2, report.events());
        SyscallLogException e = assertThrows(SyscallLogException.class,
                () -> SyscallLogAnalyzer.analyze(List.of(file), true));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: expected a syscall name"), e.getMessage());
    }

    @Test
    void aLogWhereNothingParsesSaysSo() throws IOException {
        Path file = write("all-bad.log", "5 read(3, \"x\", 1\n5 read(3, \"y\", 1\n5 read(3, \"z\", 1\n");
        SyscallLogException e = refused(file);
        assertTrue(e.getMessage().contains("nothing could be read"), e.getMessage());
    }

    @Test
    void lineOfOneMebibyteIsParsedAndCountsItsReturnValue() throws Exception {
        String huge = "x".repeat(1 << 20);
        Path file = write("huge.log", "5 close(3) = 0\n5 write(1, \"" + huge + "\", 1048576) = 1048576 <0.000100>\n"
                + "5 close(4) = 0\n");
        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(file), true);
        assertEquals(3, report.events());
        assertEquals(1 << 20, report.processes().get(0).totals().wait(WaitKind.WRITE).bytes());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.log");
        SyscallLogException e = assertThrows(SyscallLogException.class,
                () -> SyscallLogAnalyzer.analyze(List.of(missing), false));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
