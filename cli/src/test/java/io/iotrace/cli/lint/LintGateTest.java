package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.TargetJdk;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code iotrace lint} as a CI gate, on two recordings made once: the sleeping loop and the file-reading loop. */
class LintGateTest {
    @TempDir
    static Path dir;
    static Path sleeping;
    static Path readingFiles;

    @BeforeAll
    static void recordTheSleepingAndTheFileReadingLoop() throws Exception {
        sleeping = LintedFixture.record(TargetJdk.jdk17(), "sleep", Files.createDirectories(dir.resolve("sleep")));
        readingFiles = LintedFixture.record(TargetJdk.jdk17(), "file", Files.createDirectories(dir.resolve("file")));
    }

    @Test
    void sarifOutputMeetsTheSarifSchemaAndPointsAtTheFixturesSourceLine() throws Exception {
        CliRun run = CliRun.of("lint", "--format", "sarif", sleeping.toString());

        assertEquals(1, run.exitCode(), run.err());
        JsonNode log = new ObjectMapper().readTree(run.out());
        assertEquals(List.of(), SarifSchema.violationsOf(run.out()));
        assertEquals(List.of(), SarifReferences.violationsOf(log));
        JsonNode result = log.path("runs").get(0).path("results").get(0);
        assertEquals("iotrace/blocking-in-event-loop/sleep", result.path("ruleId").asText());
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/java/io/iotrace/fixtures/BlockingInLoopServer.java",
                physical.path("artifactLocation").path("uri").asText());
        assertTrue(physical.path("region").path("startLine").asInt() > 0, physical.toString());
    }

    @Test
    void theSarifSchemaRejectsAResultWithoutMessageOrWithAnUnknownLevel() throws Exception {
        CliRun run = CliRun.of("lint", "--format", "sarif", sleeping.toString());
        ObjectNode log = (ObjectNode) new ObjectMapper().readTree(run.out());
        ObjectNode result = (ObjectNode) log.path("runs").get(0).path("results").get(0);
        result.remove("message");
        result.put("level", "fatal");

        List<String> violations = SarifSchema.violationsOf(log.toString());

        assertTrue(violations.stream().anyMatch(v -> v.contains("message")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("level")), violations.toString());
    }

    @Test
    void junitXmlParsesBackAsOneFailedTestCasePerFinding() throws Exception {
        CliRun run = CliRun.of("lint", "--format", "junit", sleeping.toString(), readingFiles.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength(), run.out());
        assertEquals(2, xml.getElementsByTagName("failure").getLength());
        Element first = (Element) cases.item(0);
        assertEquals("io.iotrace.fixtures.BlockingInLoopServer", first.getAttribute("classname"));
        assertTrue(first.getAttribute("name").startsWith("sleep at io.iotrace.fixtures.BlockingInLoopServer.sleepPerRequest"),
                first.getAttribute("name"));
    }

    @Test
    void exitCodesSayCleanFindingsOrBadInput() throws Exception {
        Path allowSleep = Files.writeString(dir.resolve("allow-sleep"), "# sleeping is fine here\noperation sleep\n");
        Path allowMethod = Files.writeString(dir.resolve("allow-method"),
                "method io.iotrace.fixtures.BlockingInLoopServer.sleepPerRequest\n");
        Path badRule = Files.writeString(dir.resolve("allow-bad"), "thread loop\nfunction x\n");
        Path withoutJfr = Files.copy(sleeping, dir.resolve("iotrace-1.iotrace"));

        assertEquals(1, CliRun.of("lint", sleeping.toString()).exitCode());
        assertEquals(0, CliRun.of("lint", "--allow", allowSleep.toString(), sleeping.toString()).exitCode());
        assertEquals(0, CliRun.of("lint", "--allow", allowMethod.toString(), sleeping.toString()).exitCode());
        assertEquals(0, CliRun.of("lint", "--min-duration", "10s", sleeping.toString()).exitCode());
        CliRun bad = CliRun.of("lint", "--allow", badRule.toString(), sleeping.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(badRule + ":2: unknown rule 'function'"), bad.err());
        CliRun missing = CliRun.of("lint", withoutJfr.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("iotrace-1.jfr"), missing.err());
        assertEquals(2, CliRun.of("lint", "--min-duration", "soon", sleeping.toString()).exitCode());
    }

    @Test
    void aBaselineLetsKnownFindingsPassAndFailsOnANewOne() throws Exception {
        Path baseline = dir.resolve("baseline.json");

        CliRun adopt = CliRun.of("lint", "--write-baseline", baseline.toString(), sleeping.toString());
        CliRun rerun = CliRun.of("lint", "--baseline", baseline.toString(), "--format", "json", sleeping.toString());
        CliRun newCall = CliRun.of("lint", "--baseline", baseline.toString(), "--format", "json", sleeping.toString(),
                readingFiles.toString());

        assertEquals(1, adopt.exitCode());
        assertEquals(0, rerun.exitCode(), rerun.out());
        assertEquals(0, new ObjectMapper().readTree(rerun.out()).path("findings").asInt());
        assertEquals(1, newCall.exitCode(), newCall.out());
        JsonNode report = new ObjectMapper().readTree(newCall.out());
        assertEquals(1, report.path("findings").asInt());
        assertEquals("file-read", report.path("processes").get(1).path("findings").get(0).path("kind").asText());
    }

    @Test
    void lintRunsACommandAndFindsTheSleepOnAThreadNamedLikeAVertxLoop() {
        CliRun run = CliRun.of("lint", "--", TargetJdk.jdk17().java().toString(), "-cp",
                BuiltJars.classpathOf(SleepingVertxLoopMain.class), SleepingVertxLoopMain.class.getName());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("loop vert.x-eventloop-thread-0: named like a Vert.x event loop"), run.out());
        assertTrue(run.out().contains("sleep at " + SleepingVertxLoopMain.class.getName() + ".handle"), run.out());
    }
}
