package io.iotrace.cli.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotrace.cli.IoTraceCli;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.CliProcess;
import io.iotrace.cli.testing.CliRun;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * With -Xrs the JVM leaves SIGQUIT alone and opens its attach socket at start-up; once a /tmp cleaner has
     * removed the socket, only a SIGQUIT could ask for a new one, and JDK 17's own client would send it.
     */
    @Test
    void aJvmThatLeavesSigquitAloneAndLostItsAttachSocketIsRefusedAndSurvives() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).jvmOption("-Xrs")
                .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            Files.delete(Path.of("/tmp/.java_pid" + server.pid()));
            assertRefused(CliRun.of("attach", Long.toString(server.pid()), "--duration", "1s", "--timeout", "2s"),
                    "does not handle SIGQUIT");
            Thread.sleep(200); // a SIGQUIT would have killed it by now
            assertTrue(server.process().isAlive(), "the JVM survives the attempt");
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
    void aJvmOlderThan17IsRefusedAndRunsOn(@TempDir Path dir) throws Exception {
        // Java 11 runs a single source file directly; the fixtures are compiled for 17 and would not load.
        Path program = Files.writeString(dir.resolve("Idle.java"), "public class Idle {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        System.out.println(\"READY\");\n"
                + "        System.in.read();\n"
                + "    }\n"
                + "}\n");
        TargetJdk java11 = TargetJdk.java11();
        Process old = new ProcessBuilder(java11.java().toString(), program.toString()).start();
        try (RunningJava idle = RunningJava.of("java 11 Idle", old)) {
            idle.awaitLine("READY", Duration.ofSeconds(60));
            assertRefused(CliRun.of("attach", Long.toString(idle.pid())), "runs Java 11; iotrace attaches to Java 17"
                    + " or newer");
            assertTrue(idle.process().isAlive(), "the old JVM runs on");
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

    @Test
    void aJvmOfAnotherUserIsRefusedWhenIotraceRunsAsAnOrdinaryUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root, to run iotrace as user nobody against a JVM of root");
        Path copy = Files.createTempDirectory("iotrace-cli-for-nobody");
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            List<String> classpath = new ArrayList<>();
            for (Path entry : CliProcess.classpath()) {
                // The build's jars may sit under root's home, which nobody cannot read.
                Path target = copy.resolve(classpath.size() + "-" + entry.getFileName());
                copyTree(entry, target);
                classpath.add(target.toString());
            }
            Path agentJar = copy.resolve("iotrace-agent.jar");
            Files.copy(BuiltJars.agentJar(), agentJar);
            setReadableByAll(copy);
            Process cli = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Diotrace.agent.jar=" + agentJar, "-cp",
                    String.join(File.pathSeparator, classpath), IoTraceCli.class.getName(),
                    "attach", Long.toString(server.pid()), "--duration", "1s").start();
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "iotrace as nobody did not finish");
            String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, cli.exitValue(), err);
            assertTrue(err.contains("belongs to user root"), err);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertTrue(server.process().isAlive());
        } finally {
            deleteTree(copy);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void setReadableByAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
