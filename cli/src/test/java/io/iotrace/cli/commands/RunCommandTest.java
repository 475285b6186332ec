package io.iotrace.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.programs.ExitWith;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code iotrace run} passes on the command's exit code, and still reports when it is stopped by a signal. */
class RunCommandTest {
    private static final int K = 2;
    private static final int N = 50;
    private static final int M = 32;

    @Test
    void runExitsWithTheExitCodeOfAShellCommand() {
        CliRun run = CliRun.of("run", "--", "sh", "-c", "exit 3");
        assertEquals(3, run.exitCode(), run.err());
    }

    @Test
    void runExitsWithTheExitCodeOfATracedJavaProgramAndReportsIt() throws Exception {
        CliRun run = CliRun.of("run", "--format", "json", "--", TargetJdk.jdk17().java().toString(), "-cp",
                BuiltJars.classpathOf(ExitWith.class), ExitWith.class.getName(), "5");
        assertEquals(5, run.exitCode(), run.err());
        JsonNode processes = new ObjectMapper().readTree(run.out()).get("processes");
        assertEquals(1, processes.size(), run.out());
        assertTrue(processes.get(0).at("/recording/command").asText().startsWith(ExitWith.class.getName()));
    }

    @Test
    void sigtermStopsTheCommandAndStillPrintsTheReportOfWhatWasRecorded() throws Exception {
        try (RunningJava iotrace = CliProcess.start("run", "--format", "json", "--",
                TargetJdk.jdk17().java().toString(), "-cp", BuiltJars.classpathOf(BlockingEchoServer.class),
                BlockingEchoServer.class.getName())) {
            int port = iotrace.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class).args("--port",
                    String.valueOf(port), "--connections", String.valueOf(K), "--round-trips", String.valueOf(N),
                    "--size", String.valueOf(M), "--timeout-seconds", "30").start()) {
                driver.awaitSuccess(Duration.ofSeconds(60));
            }
            iotrace.sigterm(); // the server is still running

            iotrace.awaitExit(Duration.ofSeconds(60));
            String out = iotrace.stdout();
            int json = out.indexOf('{');
            assertTrue(json >= 0, "a JSON report after the server's output; " + iotrace.describeOutput());
            JsonNode processes = new ObjectMapper().readTree(out.substring(json)).get("processes");
            assertEquals(1, processes.size(), out);
            JsonNode server = processes.get(0);
            assertEquals(K, server.get("connections").asInt(), "connections accepted: " + server);
            long bytesRead = 0;
            for (JsonNode resource : server.get("resources")) {
                if (resource.get("kind").asText().equals("socket")) {
                    for (JsonNode wait : resource.at("/io/waits")) {
                        if (wait.get("kind").asText().equals("read")) {
                            bytesRead += wait.get("bytes").asLong();
                        }
                    }
                }
            }
            assertEquals((long) K * N * M, bytesRead, "bytes the stopped server read");
        }
    }
}
