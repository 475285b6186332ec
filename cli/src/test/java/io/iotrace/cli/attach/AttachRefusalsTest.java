package io.iotrace.cli.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each reason {@code iotrace attach} cannot trace a pid: one line, exit code 2, and the process unharmed. */
class AttachRefusalsTest {

    @Test
    void aPidWithNoProcessIsReported() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        assertRefused(CliRun.of("attach", Long.toString(gone.pid())), "no process with pid " + gone.pid());
    }

    @Test
    void aProcessThatIsNotAJvmIsRefusedAndSurvives() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertRefused(CliRun.of("attach", Long.toString(sleep.pid())), "(sleep) is not a JVM");
            Thread.sleep(200); // a SIGQUIT would have killed it by now
            assertTrue(sleep.isAlive(), "sleep survives the attempt");
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJvmWithTheAttachMechanismDisabledIsRefused() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).jvmOption("-XX:+DisableAttachMechanism")
                .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            assertRefused(CliRun.of("attach", Long.toString(server.pid())), "does not accept attach");
            assertTrue(server.process().isAlive());
        }
    }

    @Test
    void aJdk25WithDynamicAgentLoadingDisabledRefusesTheAgent() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk25()).jvmOption("-XX:-EnableDynamicAgentLoading")
                .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            assertRefused(CliRun.of("attach", Long.toString(server.pid())), "refused to load the agent");
            assertTrue(server.process().isAlive());
        }
    }

    @Test
    void aStoppedJvmTimesOutOnOurLimitAndRunsOnWhenContinued() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            signal("STOP", server.pid());
            try {
                assertRefused(CliRun.of("attach", Long.toString(server.pid()), "--timeout", "1s"),
                        "did not answer within 1s");
            } finally {
                signal("CONT", server.pid());
            }
            assertTrue(server.process().isAlive());
        }
    }

    @Test
    void aJdk25TargetIsTracedWithANoteAboutItsDynamicLoadingWarning() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk25()).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            CliRun run = CliRun.of("attach", Long.toString(server.pid()), "--duration", "1s");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("-XX:+EnableDynamicAgentLoading"), run.err());
            assertTrue(run.out().contains("iotrace report: pid " + server.pid()), run.out());
        }
    }

    private static void assertRefused(CliRun run, String reason) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }
}
