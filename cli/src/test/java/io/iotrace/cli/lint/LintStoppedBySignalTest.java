package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.IoTraceCli;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingInLoopServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotrace lint -- COMMAND} stopped by SIGTERM (what Ctrl-C or a CI timeout sends) stops the command and still
 * reports what it recorded until then: a server that never exits by itself is the command.
 */
class LintStoppedBySignalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** The CLI's temporary folders go here, to be found gone after the signal. */
    @TempDir
    Path scratch;

    @Test
    void sigtermStopsTheTracedServerAndTheFindingsAreStillReported() throws Exception {
        TargetJdk jdk = TargetJdk.jdk17();
        String server = jdk.java() + " -cp " + BuiltJars.classpathOf(BlockingInLoopServer.class) + " "
                + BlockingInLoopServer.class.getName() + " --block sleep";
        // The CLI in a JVM of its own, so that the signal is its alone; this JVM's class path holds it.
        try (RunningJava lint = ChildJava.on(jdk).classpath(System.getProperty("java.class.path"))
                .jvmOption("-Diotrace.agent.jar=" + BuiltJars.agentJar()).jvmOption("-Djava.io.tmpdir=" + scratch)
                .main(IoTraceCli.class)
                .args(("lint -- " + server).split(" ")).start()) {
            int port = lint.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class)
                    .args("--port", Integer.toString(port), "--connections", "1", "--round-trips", "10").start()) {
                driver.awaitSuccess(TIMEOUT);
            }

            lint.sigterm();
            lint.awaitExit(TIMEOUT);

            assertTrue(lint.stdout().contains("sleep at " + BlockingInLoopServer.class.getName() + ".sleepPerRequest"),
                    lint.describeOutput());
            assertFalse(lint.process().descendants().findAny().isPresent(), "the server is stopped too");
            try (Stream<Path> left = Files.list(scratch)) {
                assertEquals(List.of(), left.toList(), "the recordings folder is deleted, also after a signal");
            }
        }
    }
}
