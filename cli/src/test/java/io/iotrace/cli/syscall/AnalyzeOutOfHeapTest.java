package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.bench.ShortLivedThreadsLog;
import io.iotrace.cli.testing.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that needs more heap than the analyzing JVM has: one line that says so and how to give more, exit code 2,
 * no stack trace and no wait for ever, whichever thread ran out first (the reading thread, or a parser worker).
 */
class AnalyzeOutOfHeapTest {
    /** The 100,000-thread log parses in about 40 MiB: this is well short of it, and enough for the CLI to start. */
    private static final int HEAP_MIB = 16;

    @Test
    void runningOutOfHeapIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.strace.log");
        ShortLivedThreadsLog.write(log, 100_000);
        List<String> command = new ArrayList<>(CliProcess.command("analyze", log.toString()));
        command.add(1, "-Xmx" + HEAP_MIB + "m");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process analyze = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(analyze.waitFor(2, TimeUnit.MINUTES), "analyze did not end in 2 minutes");
        } finally {
            analyze.destroyForcibly();
        }
        String errors = Files.readString(err);
        assertEquals(2, analyze.exitValue(), errors);
        // A worker whose task's failure could not be recorded (that needs heap too) dies: the JVM says so in a line
        // of its own, and the command must still end, with its own line last.
        List<String> lines = errors.lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("iotrace: out of memory: the input needs more than this"
                + " JVM's " + HEAP_MIB + " MiB of heap"), errors);
        assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
        assertEquals(1, lines.stream().filter(line -> line.startsWith("iotrace:")).count(), errors);
        assertEquals("", Files.readString(out), "no report from a parse that did not end");
    }
}
