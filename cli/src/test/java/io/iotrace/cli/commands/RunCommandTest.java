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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace run} passes on the command's exit code, and still reports when it is stopped by a signal, the
 * agent's summaries included.
 */
class RunCommandTest {
    private static final int K = 2;
    private static final int N = 50;
    private static final int M = 32;

    @TempDir
    Path work;

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
        JsonNode processes = new ObjectMapper().readTree(run.err()).get("processes");
        assertEquals(1, processes.size(), run.err());
        assertTrue(processes.get(0).at("/process/command").asText().startsWith(ExitWith.class.getName()));
    }

    @Test
    void sigtermStopsTheCommandAndStillPrintsTheReportOfWhatWasRecorded() throws Exception {
        Path report = work.resolve("report.json");
        try (RunningJava iotrace = CliProcess.start("run", "--format", "json", "--report", report.toString(), "--",
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
            String out = Files.readString(report);
            JsonNode processes = new ObjectMapper().readTree(out).get("processes");
            assertEquals(1, processes.size(), out + iotrace.describeOutput());
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

            // The agent's summaries are part of run's report too, and count the same reads.
            long summarizedBytesRead = 0;
            for (JsonNode call : server.at("/summaries/calls")) {
                if (call.get("operation").asText().equals("read") && call.get("resource").asText().equals("socket")) {
                    summarizedBytesRead += call.at("/wholeRun/bytes").asLong();
                }
            }
            assertEquals((long) K * N * M, summarizedBytesRead, "bytes read, as the summaries count them: " + server);
        }
    }
}
