package io.iotrace.cli.attach;

import static io.iotrace.cli.attach.Attaching.SIZE;
import static io.iotrace.cli.attach.Attaching.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace attach --strace} on a blocking echo server under a steady load: the JVM is recorded alone, then
 * with strace joined to its threads; the calls strace saw are matched with their syscalls, and the calls before it
 * joined measure how much it slowed the server.
 */
class AttachWithStraceTest {
    /** More than the load driver can do in its time limit: the load lasts until the test stops it. */
    private static final int ENDLESS_ROUND_TRIPS = 1_000_000_000;
    /**
     * A blocking echo round trip is a few syscalls, each now two stops in strace and four context switches: far
     * more than the noise of a shared machine.
     */
    private static final double CLEARLY_SLOWER = 1.5;
    /** The capability bit that lets a process trace one it did not start, where Yama restricts ptrace. */
    private static final int CAP_SYS_PTRACE = 19;

    @TempDir
    Path dir;

    @Test
    void straceJoinsTheRunningJvmItsCallsAreMatchedAndItsCostIsMeasured() throws Exception {
        assumeTrue(mayTraceOtherProcesses(), "ptrace is restricted here (kernel.yama.ptrace_scope), so strace -p"
                + " cannot join a process it did not start");
        TargetJdk jdk = TargetJdk.jdk17();
        Path attached = dir.resolve("attached.iotrace");
        CliRun attach;
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", Integer.toString(port),
                    "--connections", "2", "--round-trips", Integer.toString(ENDLESS_ROUND_TRIPS), "--size",
                    Integer.toString(SIZE), "--timeout-seconds", Long.toString(TIMEOUT.toSeconds())).start()) {
                attach = CliRun.of("attach", Long.toString(server.pid()), "--duration", "6s", "--strace",
                        "--format", "json", "-o", attached.toString());
                assertTrue(driver.process().isAlive(), "the load lasted the whole recording");
            }
            assertTrue(server.process().isAlive(), "the server runs on after strace and the agent left");
            assertEquals("0", tracerPid(server.pid()), "no tracer is left on the server");
        }
        assertEquals(0, attach.exitCode(), attach.err());
        assertTrue(attach.err().contains("strace joined pid"), attach.err());
        assertTrue(Files.size(dir.resolve("attached.iotrace.strace.log")) > 0, "the strace log is kept beside -o");

        JsonNode correlations = new ObjectMapper().readTree(attach.out()).get("correlations");
        assertEquals(1, correlations.size(), attach.out());
        JsonNode correlation = correlations.get(0);
        assertTrue(correlation.get("callsOutsideStrace").asLong() > 0, "calls before strace joined: " + correlation);

        JsonNode reads = socketReads(correlation);
        long matched = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = reads.get("perCall").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pattern = it.next();
            assertEquals("read", pattern.getKey(), "what a blocking socket read made: " + reads);
            matched += pattern.getValue().asLong();
        }
        assertTrue(matched > 0, reads.toString());
        assertEquals(reads.get("calls").asLong(), matched, "every read strace saw is one read syscall: " + reads);

        for (JsonNode thread : correlation.get("outsideCalls")) {
            JsonNode io = thread.get("io");
            assertTrue(!io.has("read") && !io.has("write"), "a socket read or write outside any Java call, though"
                    + " every one of them is the JDK's: " + thread);
        }

        JsonNode slowdown = correlation.get("slowdown");
        assertTrue(slowdown.get("how").asText().startsWith("measured"), slowdown.toString());
        assertTrue(slowdown.get("factor").asDouble() > CLEARLY_SLOWER, slowdown.toString());
    }

    private static JsonNode socketReads(JsonNode correlation) {
        for (JsonNode call : correlation.get("calls")) {
            if (call.get("operation").asText().equals("read") && call.get("resource").asText().equals("socket")) {
                return call;
            }
        }
        throw new AssertionError("no socket reads in " + correlation);
    }

    /**
     * Yama's ptrace_scope: 0 lets a process trace any of its user's, 1 and 2 only with CAP_SYS_PTRACE, 3 none; a
     * container may hold root without that capability.
     */
    private static boolean mayTraceOtherProcesses() throws Exception {
        Path scope = Path.of("/proc/sys/kernel/yama/ptrace_scope");
        int level = Files.exists(scope) ? Integer.parseInt(Files.readString(scope).strip()) : 0;
        return level == 0 || level < 3 && hasCapability(CAP_SYS_PTRACE);
    }

    private static boolean hasCapability(int capability) throws Exception {
        String effective = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapEff:")).map(line -> line.substring(7).strip()).findFirst()
                .orElse("0");
        return (Long.parseUnsignedLong(effective, 16) >>> capability & 1) == 1;
    }

    private static String tracerPid(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("TracerPid:")).map(line -> line.split("\\s+")[1]).findFirst()
                .orElseThrow();
    }
}
