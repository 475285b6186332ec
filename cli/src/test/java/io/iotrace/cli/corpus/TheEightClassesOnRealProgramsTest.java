package io.iotrace.cli.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eight classes of error issue 13 found, each shown on the real program of the corpus that exposed it: the
 * fact each rule is about, beyond the labels {@link CorpusTest} checks for every program.
 */
class TheEightClassesOnRealProgramsTest {
    @TempDir
    Path dir;

    @Test
    void eagainFromFutexesIsNotPollingSoAThreadingServerIsBlocking() throws Exception {
        JsonNode process = syscalls("native/python-http-server").get(0);
        assertEquals("blocking", process.get("ioModel").asText());
        for (JsonNode thread : process.get("threads")) {
            assertNotEquals("non-blocking-polling", thread.get("ioModel").asText(), thread.toString());
        }
    }

    @Test
    void theProcessModelIsThatOfTheConnectionThreadsWhileTheAcceptLoopPolls() throws Exception {
        JsonNode process = syscalls("native/python-http-server").get(0);
        assertEquals("thread-per-connection", process.get("architecture").asText());
        assertEquals("blocking", process.get("ioModel").asText());
        assertEquals(List.of("multiplexing poll"), models(process, "acceptor"));
    }

    @Test
    void glibcPosixAioIsAsyncViaAThreadPool() throws Exception {
        JsonNode process = syscalls("native/fio-posixaio").get(0);
        assertEquals("async", process.get("ioModel").asText());
        assertEquals("thread-pool", process.get("mechanism").asText());
    }

    @Test
    void oneSelectorThatPoolThreadsTakeTurnsToRunIsOneLoopInBothSources() throws Exception {
        JsonNode recording = recording("jvm/jetty");
        assertTrue(recording.get("architectureSentence").asText().contains("one selector, run by"),
                recording.get("architectureSentence").asText());
        JsonNode straced = syscalls("jvm/jetty").get(0);
        assertTrue(straced.get("architectureSentence").asText().contains("one selector, run by"),
                straced.get("architectureSentence").asText());
    }

    @Test
    void severalLoopsWhosePoolWritesTheResponsesAreMultiEventLoopWithAWorkerPool() throws Exception {
        JsonNode recording = recording("jvm/undertow");
        assertEquals("multi-event-loop-with-worker-pool", recording.get("architecture").asText());
        assertTrue(groupThreads(recording, "worker") >= 2, recording.get("groups").toString());
    }

    @Test
    void twoLoopsBindingOnePortWaitInTheStartUpSectionAndDoNotFailTheGate() throws Exception {
        Path recording = CorpusFiles.unpack(CorpusFiles.program("jvm/vertx").resolve("recording.iotrace.xz"),
                dir.resolve("vertx/recording.iotrace"));
        CorpusFiles.unpack(CorpusFiles.program("jvm/vertx").resolve("recording.jfr.xz"),
                dir.resolve("vertx/recording.jfr"));
        CliRun lint = CliRun.of("lint", recording.toString());
        assertEquals(0, lint.exitCode(), lint.out());
        assertTrue(lint.out().contains("excused as bind or listen"), lint.out());
        assertEquals(1, CliRun.of("lint", "--fail-on-startup", recording.toString()).exitCode());
    }

    @Test
    void poolThreadsThatAPollerHandsChannelsToAreWorkersNotLoops() throws Exception {
        JsonNode recording = recording("jvm/tomcat");
        assertEquals(1, groupThreads(recording, "event-loop"), recording.get("groups").toString());
        assertTrue(groupThreads(recording, "worker") >= 2, recording.get("groups").toString());
        JsonNode straced = syscalls("jvm/tomcat").get(0);
        assertEquals("multiplexing", straced.get("ioModel").asText());
        assertTrue(models(straced, "worker").stream().allMatch("multiplexing epoll"::equals));
    }

    @Test
    void aRecordingAndAStraceLogNameTheirVerdictsWithTheSameFieldsAndValues() throws Exception {
        JsonNode recording = recording("jvm/netty-nio");
        JsonNode straced = syscalls("jvm/netty-nio").get(0);
        for (String field : List.of("ioModel", "mechanism", "architecture")) {
            assertEquals(recording.get(field).asText(), straced.get(field).asText(), field);
        }
        assertTrue(recording.has("confidence") && straced.has("confidence") && straced.has("evidence"));
    }

    private JsonNode syscalls(String program) throws Exception {
        Path log = CorpusFiles.unpack(CorpusFiles.program(program).resolve("strace.log.xz"),
                dir.resolve(program).resolve("strace.log"));
        return analyze(log).get("processes");
    }

    private JsonNode recording(String program) throws Exception {
        Path file = CorpusFiles.unpack(CorpusFiles.program(program).resolve("recording.iotrace.xz"),
                dir.resolve(program).resolve("recording.iotrace"));
        return analyze(file).get("processes").get(0);
    }

    private static JsonNode analyze(Path file) throws Exception {
        CliRun run = CliRun.of("analyze", "--format", "json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    /** "model mechanism" of each thread of a syscall process with this role. */
    private static List<String> models(JsonNode process, String role) {
        List<String> models = new ArrayList<>();
        for (JsonNode thread : process.get("threads")) {
            if (thread.get("role").asText().equals(role)) {
                models.add(thread.get("ioModel").asText() + " " + thread.get("mechanism").asText());
            }
        }
        return models;
    }

    private static int groupThreads(JsonNode recording, String role) {
        int threads = 0;
        for (JsonNode group : recording.get("groups")) {
            if (group.get("role").asText().equals(role)) {
                threads += group.get("threads").asInt();
            }
        }
        return threads;
    }
}
