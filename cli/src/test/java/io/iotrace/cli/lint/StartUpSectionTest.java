package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up section, on the corpus's Vert.x server, whose two loops bind one port at start-up and one waits for
 * the other: listed apart in every format, passing the gate unless {@code --fail-on-startup} asks otherwise.
 */
class StartUpSectionTest {
    private static final Path VERTX = Path.of("..", "corpus", "jvm", "vertx").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void unpackTheVertxRecording() throws Exception {
        recording = unpack("recording.iotrace");
        unpack("recording.jfr");
    }

    @Test
    void startUpWaitsAreListedApartWithTheirRuleAndDoNotFailTheGate() {
        CliRun run = CliRun.of("lint", recording.toString());

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("  start-up (not failing; --fail-on-startup fails on them)"), run.out());
        assertTrue(run.out().contains("excused as bind or listen: on the server socket's set-up path"), run.out());
        assertTrue(run.out().endsWith("No blocking calls on event-loop threads. 2 start-up wait(s), not failing.\n"),
                run.out());
    }

    @Test
    void failOnStartupMakesThemFail() {
        CliRun run = CliRun.of("lint", "--fail-on-startup", recording.toString());

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().endsWith("2 finding(s) (2 at start-up).\n"), run.out());
    }

    @Test
    void jsonSarifAndJunitCarryThemApartToo() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("lint", "--format", "json", recording.toString()).out());
        assertEquals(0, json.path("findings").asInt());
        assertEquals(2, json.path("startUpWaits").asInt());
        JsonNode wait = json.path("processes").get(0).path("startUp").get(0);
        assertTrue(wait.path("startUpRule").asText().startsWith("bind or listen"), wait.toString());

        JsonNode sarif = new ObjectMapper().readTree(CliRun.of("lint", "--format", "sarif", recording.toString()).out());
        JsonNode result = sarif.path("runs").get(0).path("results").get(0);
        assertEquals("note", result.path("level").asText());
        assertTrue(result.path("properties").path("startUp").asBoolean(), result.toString());
        JsonNode failing = new ObjectMapper().readTree(CliRun.of("lint", "--format", "sarif", "--fail-on-startup",
                recording.toString()).out());
        assertEquals("error", failing.path("runs").get(0).path("results").get(0).path("level").asText());

        String junit = CliRun.of("lint", "--format", "junit", recording.toString()).out();
        assertTrue(junit.contains("failures=\"0\"") && junit.contains("skipped=\"2\""), junit);
    }

    private static Path unpack(String name) throws Exception {
        Path target = dir.resolve(name);
        Process xz = new ProcessBuilder("xz", "-dc", VERTX.resolve(name + ".xz").toString())
                .redirectOutput(target.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(xz.waitFor(60, TimeUnit.SECONDS), "xz did not finish unpacking " + name);
        assertEquals(0, xz.exitValue(), "xz could not unpack " + name);
        return target;
    }
}
