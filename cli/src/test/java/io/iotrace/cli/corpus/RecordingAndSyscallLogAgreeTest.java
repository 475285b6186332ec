package io.iotrace.cli.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus server's recording and the strace log of the same run, analyzed together: the two sources name the
 * same model and architecture, or the report says where and why they differ.
 */
class RecordingAndSyscallLogAgreeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"netty-nio", "vertx", "grpc", "jetty", "tomcat", "undertow", "nanohttpd",
            "jdk-httpserver-vt", "reactor-netty-native"})
    void theRecordingAndTheStraceLogOfOneRunNameTheSameModelAndArchitecture(String server) throws Exception {
        JsonNode agreement = agreement(server);
        assertTrue(agreement.get("agree").asBoolean(), agreement.toString());
        assertEquals(agreement.get("recording").asText(), agreement.get("syscalls").asText());
    }

    /**
     * Helidon's virtual threads wait for readiness in the JDK's poller, which strace sees as one more epoll thread
     * of the carriers; the JDK HttpServer's dispatcher watches for its virtual threads, so both sources agree there.
     */
    @Test
    void virtualThreadsThatStraceCannotSeeAreNamedAsTheReasonTheSourcesDiffer() throws Exception {
        JsonNode agreement = agreement("helidon");
        assertFalse(agreement.get("agree").asBoolean(), agreement.toString());
        assertTrue(agreement.get("why").asText().contains("virtual threads are invisible to syscalls"),
                agreement.toString());
    }

    private JsonNode agreement(String server) throws Exception {
        Path recording = unpack(server, "recording.iotrace");
        Path strace = unpack(server, "strace.log");
        CliRun run = CliRun.of("analyze", "--format", "json", recording.toString(), strace.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode agreements = new ObjectMapper().readTree(run.out()).get("agreement");
        assertEquals(1, agreements.size(), run.out());
        return agreements.get(0);
    }

    private Path unpack(String server, String name) throws Exception {
        return CorpusFiles.unpack(CorpusFiles.program("jvm/" + server).resolve(name + ".xz"), dir.resolve(name));
    }
}
