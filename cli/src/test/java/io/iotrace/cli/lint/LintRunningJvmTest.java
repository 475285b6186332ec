package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.IoTraceCli;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingInLoopServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code iotrace lint --pid}: the production case, a selector loop that sleeps per request and was started without
 * the agent. The finding is the one a traced start gives, and the JVM is left as it was: running, with no Flight
 * Recorder recording of iotrace's still on.
 */
class LintRunningJvmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Long enough for the loop to sleep in several requests under the hooks. */
    private static final Duration RECORDING_BEFORE_SIGNAL = Duration.ofSeconds(2);
    /**
     * Attaching starts the agent inside the busy target, CPU work that took over 10 s (the default limit) when the
     * machine's two cores ran two dozen other processes: the CLI then gives up while the start goes on in the
     * target, and the target's watchdog stops it only after the CLI has gone. What is tested here is what the
     * session leaves, not how fast a loaded machine attaches.
     */
    private static final String ATTACH_TIMEOUT = "60s";

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aRunningLoopThatSleepsIsFoundThenLeftAsItWas(TargetJdk jdk) throws Exception {
        CliRun lint;
        try (RunningJava server = ChildJava.on(jdk).main(BlockingInLoopServer.class).args("--block", "sleep").start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    Integer.toString(port), "--connections", "2", "--round-trips", "100000", "--timeout-seconds",
                    Long.toString(TIMEOUT.toSeconds())).start()) {
                lint = CliRun.of("lint", "--pid", Long.toString(server.pid()), "--duration", "3s", "--timeout",
                        ATTACH_TIMEOUT, "--format", "json");
                assertTrue(driver.process().isAlive(), "the load lasted the whole recording");
            }
            assertTrue(server.process().isAlive(), "the server runs on after the detach");
            String recordings = jcmd(jdk, server.pid(), "JFR.check");
            assertFalse(recordings.contains("iotrace-blocking"), "the probe's recording is stopped: " + recordings
                    + "; lint said: " + lint.err());
            assertTrue(jcmd(jdk, server.pid(), "VM.system_properties").contains("iotrace.agent.state=stopped"),
                    "the agent took its hooks out");
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

    /**
     * SIGTERM (what Ctrl-C or a CI timeout sends) ends the recording early: the report still comes out, the target
     * is left as it was, and no recording stays behind in the CLI's temporary folder.
     */
    @Test
    void aSignalEndsTheRecordingAndTheReportStillComesOut(@TempDir Path scratch) throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        try (RunningJava server = ChildJava.on(jdk).main(BlockingInLoopServer.class).args("--block", "sleep").start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", Integer.toString(port),
                    "--connections", "1", "--round-trips", "100000", "--timeout-seconds",
                    Long.toString(TIMEOUT.toSeconds())).start();
                 RunningJava lint = ChildJava.on(jdk).classpath(System.getProperty("java.class.path"))
                         .jvmOption("-Diotrace.agent.jar=" + BuiltJars.agentJar())
                         .jvmOption("-Djava.io.tmpdir=" + scratch).main(IoTraceCli.class)
                         .args("lint", "--pid", Long.toString(server.pid()), "--timeout", ATTACH_TIMEOUT, "--format", "json")
                         .start()) {
                lint.awaitStderr("iotrace: linting pid " + server.pid(), TIMEOUT);
                Thread.sleep(RECORDING_BEFORE_SIGNAL.toMillis());
                lint.sigterm();
                lint.awaitExit(TIMEOUT);

                assertTrue(lint.stdout().contains(BlockingInLoopServer.class.getName()), lint.describeOutput());
                assertTrue(lint.stdout().contains("\"sleepPerRequest\""), lint.describeOutput());
            }
            assertTrue(server.process().isAlive(), "the server runs on");
            assertTrue(jcmd(jdk, server.pid(), "VM.system_properties").contains("iotrace.agent.state=stopped"),
                    "the agent took its hooks out before the CLI exited");
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "the recordings folder is deleted, also after a signal");
        }
    }

    /** What {@code jcmd PID COMMAND} prints. */
    private static String jcmd(TargetJdk jdk, long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(jdk.java().resolveSibling("jcmd").toString(), Long.toString(pid),
                command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS), "jcmd did not end");
        assertEquals(0, jcmd.exitValue(), out);
        return out;
    }
}
