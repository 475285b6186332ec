package io.iotrace.cli.attach;

import static io.iotrace.cli.attach.Attaching.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.AsyncEchoServer;
import io.iotrace.fixtures.BlockingEchoServer;
import io.iotrace.fixtures.LoadDriver;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code iotrace ps} and {@code iotrace top --batch} on real JVMs. */
class PsAndTopTest {

    @Test
    void psListsAServerWithItsFactsAndSaysWhyAnotherCannotBeAttached() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start();
             RunningJava closed = ChildJava.on(jdk).jvmOption("-XX:+DisableAttachMechanism")
                     .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            closed.awaitListeningPort();
            CliRun ps = CliRun.of("ps", "--format", "json");
            assertEquals(0, ps.exitCode(), ps.err());
            JsonNode open = jvm(ps.out(), server.pid());
            assertEquals(BlockingEchoServer.class.getName(), open.get("main").asText());
            assertTrue(open.get("javaVersion").asText().startsWith("17"), open.toString());
            assertTrue(open.get("threads").asInt() > 1, open.toString());
            assertTrue(open.get("rssBytes").asLong() > 0, open.toString());
            assertTrue(open.get("cannotAttach").isNull(), open.toString());
            JsonNode refusing = jvm(ps.out(), closed.pid());
            assertTrue(refusing.get("cannotAttach").asText().contains("attach disabled"), refusing.toString());

            CliRun text = CliRun.of("ps");
            assertTrue(Pattern.compile("(?m)^ *" + server.pid() + " .*BlockingEchoServer$").matcher(text.out()).find(),
                    text.out());
        }
    }

    @Test
    void topInBatchPrintsOneTableOfGroupRatesPerInterval() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            CliRun top;
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", Integer.toString(port),
                    "--connections", "2", "--round-trips", "1000000", "--timeout-seconds", "60").start()) {
                top = CliRun.of("top", Long.toString(server.pid()), "--batch", "--interval", "1s",
                        "--iterations", "2", "--sort", "in");
            }
            assertEquals(0, top.exitCode(), top.err());
            assertEquals(2, top.out().lines().filter(l -> l.startsWith("GROUP ")).count(), top.out());
            assertTrue(top.out().contains("sort: in"), top.out());
            assertTrue(Pattern.compile("(?m)^conn-\\S+ \\(2\\) +\\S+ +blocking +[1-9]\\d*").matcher(top.out()).find(),
                    "a row for the two connection threads with their calls/s: " + top.out());
            try (AgentConnection probe = AgentConnection.open(server.pid(), TIMEOUT)) {
                assertEquals(0, probe.askStatus(io.iotrace.cli.testing.BuiltJars.agentJar()).instrumentedClasses(),
                        "leaving top detaches");
            }
        }
    }

    /**
     * Completion handlers read and write through submissions whose bytes come with their completions (the JDK's
     * async channels here, Netty's io_uring transport the same way): their rows show the bytes in and out.
     */
    @Test
    void topCountsTheBytesThatAsyncCompletionsMoveInAndOut() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        try (RunningJava server = ChildJava.on(jdk).main(AsyncEchoServer.class).start()) {
            int port = server.awaitListeningPort();
            CliRun top;
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", Integer.toString(port),
                    "--connections", "2", "--round-trips", "1000000", "--timeout-seconds", "60").start()) {
                top = CliRun.of("top", Long.toString(server.pid()), "--batch", "--interval", "1s",
                        "--iterations", "2");
            }
            assertEquals(0, top.exitCode(), top.err());
            Matcher row = Pattern.compile(
                    "(?m)^async-\\S+ \\(2\\) +completion-handler +async +[1-9]\\d* +(\\S+ \\S+) +(\\S+ \\S+)")
                    .matcher(top.out());
            assertTrue(row.find(), "a row for the completion handlers: " + top.out());
            assertNotEquals("0 B", row.group(1), "bytes in: " + top.out());
            assertNotEquals("0 B", row.group(2), "bytes out: " + top.out());
        }
    }

    private static JsonNode jvm(String json, long pid) throws Exception {
        for (JsonNode j : new ObjectMapper().readTree(json).get("jvms")) {
            if (j.get("pid").asLong() == pid) {
                return j;
            }
        }
        return fail("pid " + pid + " not listed: " + json);
    }
}
