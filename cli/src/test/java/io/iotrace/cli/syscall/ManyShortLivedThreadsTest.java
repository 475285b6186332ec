package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.bench.ShortLivedThreadsLog;
import io.iotrace.cli.testing.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread-per-connection server that ran 100,000 short-lived threads, analyzed by {@code iotrace analyze} in a
 * JVM whose heap is {@value #HEAP_MIB} MiB: memory must not grow with the threads that ever lived, so the exited ones are folded
 * into groups; the report still counts every thread, call and byte.
 */
class ManyShortLivedThreadsTest {
    private static final int THREADS = 100_000;
    /**
     * The analyzing JVM's heap: the 100,000 threads kept whole took over 300 MiB; folded, the parse holds the
     * chunks in flight and the threads that exited in them (it ran in 40 MiB, and in 40 MiB with 10,000 threads).
     */
    private static final int HEAP_MIB = 64;

    @Test
    void aHundredThousandShortLivedThreadsFitInASmallHeapAndAllAddUp(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.strace.log");
        ShortLivedThreadsLog.write(log, THREADS);
        long lines;
        try (var all = Files.lines(log, StandardCharsets.US_ASCII)) {
            lines = all.count();
        }

        JsonNode report = analyzeInSmallHeap(log, dir);

        assertEquals(lines, report.get("syscallLog").get("lines").asLong());
        assertEquals(0, report.get("syscallLog").get("skippedLines").asLong());
        assertEquals(1, report.get("processes").size(), "one server process");
        JsonNode server = report.get("processes").get(0);
        assertEquals(ShortLivedThreadsLog.SERVER_PID, server.get("process").get("pid").asInt());
        assertEquals("thread-per-connection", server.get("architecture").asText(), server.toString());
        int listed = server.get("threads").size();
        int grouped = 0;
        int handlers = 0;
        for (JsonNode group : server.get("groups")) {
            grouped += group.get("threads").asInt();
            if (group.get("role").asText().equals("connection-handler")) {
                assertEquals("blocking", group.get("ioModel").asText(), group.toString());
                handlers += group.get("threads").asInt();
            }
        }
        assertTrue(listed < grouped, "exited threads were added up, not listed one by one: " + listed);
        assertEquals(THREADS + 1, grouped, "every connection thread and the acceptor, in a group");
        assertEquals(THREADS, handlers, "every connection thread handles its connection");
        JsonNode totals = server.get("totals");
        assertEquals(THREADS, callsOfKind(totals, "read"), "one read per connection");
        assertEquals(THREADS, callsOfKind(totals, "write"), "one write per connection");
        // Each connection: read, write, close, exit; the acceptor: execve, accept4 and clone3 each, exit_group.
        assertEquals(4L * THREADS + 2L * THREADS + 2, totals.get("events").asLong());
    }

    private static long callsOfKind(JsonNode summary, String kind) {
        for (JsonNode wait : summary.get("waits")) {
            if (wait.get("kind").asText().equals(kind)) {
                return wait.get("calls").asLong();
            }
        }
        return 0;
    }

    private static JsonNode analyzeInSmallHeap(Path log, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(CliProcess.command("analyze", "--format", "json", log.toString()));
        command.add(1, "-Xmx" + HEAP_MIB + "m");
        Path out = dir.resolve("report.json");
        Path err = dir.resolve("err.txt");
        Process analyze = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(analyze.waitFor(5, TimeUnit.MINUTES), "analyze did not finish in 5 minutes");
            assertEquals(0, analyze.exitValue(), Files.readString(err));
        } finally {
            analyze.destroyForcibly();
        }
        return new ObjectMapper().readTree(out.toFile());
    }
}
