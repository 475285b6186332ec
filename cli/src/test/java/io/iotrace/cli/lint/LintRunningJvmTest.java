package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingInLoopServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code iotrace lint --pid}: the production case, a selector loop that sleeps per request and was started without
 * the agent. The finding is the one a traced start gives, and the JVM is left as it was: running, with no Flight
 * Recorder recording of iotrace's still on.
 */
class LintRunningJvmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aRunningLoopThatSleepsIsFoundThenLeftAsItWas(TargetJdk jdk) throws Exception {
        CliRun lint;
        try (RunningJava server = ChildJava.on(jdk).main(BlockingInLoopServer.class).args("--block", "sleep").start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", "2", "--round-trips", "100000", "--timeout-seconds",
                    Long.toString(TIMEOUT.toSeconds())).start()) {
                lint = CliRun.of("lint", "--pid", Long.toString(server.pid()), "--duration", "3s", "--format",
                        "json");
                assertTrue(driver.process().isAlive(), "the load lasted the whole recording");
            }
            assertTrue(server.process().isAlive(), "the server runs on after the detach");
            String recordings = jfrRecordingsOf(jdk, server.pid());
            assertFalse(recordings.contains("iotrace-blocking"), "the probe's recording is stopped: " + recordings);
        }

        assertEquals(1, lint.exitCode(), lint.out() + lint.err());
        assertTrue(lint.err().contains("iotrace: linting pid "), lint.err());
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(lint.out()).path("processes").forEach(p -> p.path("findings").forEach(findings::add));
        assertEquals(1, findings.size(), lint.out());
        JsonNode sleep = findings.get(0);
        assertEquals("sleep", sleep.path("kind").asText(), sleep.toString());
        JsonNode top = sleep.path("topApplicationFrame");
        assertEquals(BlockingInLoopServer.class.getName() + ".sleepPerRequest",
                top.path("className").asText() + "." + top.path("method").asText());
    }

    /** What {@code jcmd PID JFR.check} lists: the Flight Recorder recordings running in the JVM. */
    private static String jfrRecordingsOf(TargetJdk jdk, long pid) throws Exception {
        Process jcmd = new ProcessBuilder(jdk.java().resolveSibling("jcmd").toString(), Long.toString(pid),
                "JFR.check").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS), "jcmd did not end");
        assertEquals(0, jcmd.exitValue(), out);
        return out;
    }
}
