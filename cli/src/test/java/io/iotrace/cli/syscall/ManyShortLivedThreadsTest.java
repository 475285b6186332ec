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
     * chunks in flight and the threads that exited in them.
     */
    private static final int HEAP_MIB = 96;

    @Test
    void aHundredThousandShortLivedThreadsFitInASmallHeapAndAllAddUp(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.strace.log");
        ShortLivedThreadsLog.write(log, THREADS);
        long lines;
        try (var all = Files.lines(log, StandardCharsets.US_ASCII)) {
            lines = all.count();
        }

        JsonNode report = analyzeInSmallHeap(log, dir);

        JsonNode syscalls = report.get("syscalls");
        assertEquals(lines, syscalls.get("lines").asLong());
        assertEquals(0, syscalls.get("skippedLines").asLong());
        assertEquals(1, syscalls.get("processes").size(), "one server process");
        JsonNode server = syscalls.get("processes").get(0);
        assertEquals(ShortLivedThreadsLog.SERVER_PID, server.get("pid").asInt());
        assertEquals("thread-per-connection", server.get("architecture").asText(), server.toString());
        int whole = server.get("threads").size();
        int folded = 0;
        for (JsonNode group : server.get("threadGroups")) {
            folded += group.get("threads").asInt();
            assertEquals("connection-handler", group.get("role").asText(), group.toString());
            assertEquals("blocking", group.get("ioModel").asText(), group.toString());
        }
        assertTrue(folded > 0, "exited threads were folded into groups: " + server);
        assertEquals(THREADS + 1, whole + folded, "every connection thread and the acceptor, whole or in a group");
        JsonNode copies = server.get("copies");
        assertEquals(THREADS, copies.get("readCalls").asLong(), "one read per connection");
        assertEquals(THREADS, copies.get("writeCalls").asLong(), "one write per connection");
        long syscallsOfThreads = 0;
        for (JsonNode thread : server.get("threads")) {
            syscallsOfThreads += thread.get("syscalls").asLong();
        }
        for (JsonNode group : server.get("threadGroups")) {
            syscallsOfThreads += group.get("syscalls").asLong();
        }
        // Each connection: read, write, close, exit; the acceptor: execve, accept4 and clone3 each, exit_group.
        assertEquals(4L * THREADS + 2L * THREADS + 2, syscallsOfThreads);
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
