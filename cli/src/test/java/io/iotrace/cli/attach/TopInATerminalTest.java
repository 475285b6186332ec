package io.iotrace.cli.attach;

import static io.iotrace.cli.attach.Attaching.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.IoTraceCli;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The live view of {@code iotrace top} in a real pseudo-terminal (tmux): it draws, sorts, quits, restores. */
class TopInATerminalTest {
    private static final String SESSION = "iotrace-top-test-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void drawsTheTableSortsOnAKeyAndQuitsOnQWithTheTerminalRestored() throws Exception {
        boolean hasTmux = new ProcessBuilder("sh", "-c", "command -v tmux").start().waitFor() == 0;
        if (System.getenv("CI") != null) {
            assertTrue(hasTmux, "tmux is needed on CI for the live view's test");
        }
        Assumptions.assumeTrue(hasTmux, "tmux not installed");
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            Path sttyAfter = dir.resolve("stty-after");
            String top = String.join(" ", List.of(javaBin(), "-Diotrace.agent.jar=" + BuiltJars.agentJar(), "-cp",
                    cliClasspath(), IoTraceCli.class.getName(), "top", Long.toString(server.pid())));
            tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "30", "sh");
            try {
                tmux("send-keys", "-t", SESSION, top + "; stty -a > " + sttyAfter + "; echo TOP-$((40+2))", "Enter");
                String drawn = awaitScreen(s -> s.contains("GROUP") && s.contains("sort: calls"));
                assertTrue(drawn.contains("iotrace top - pid " + server.pid()), drawn);
                tmux("send-keys", "-t", SESSION, "n");
                awaitScreen(s -> s.contains("sort: name"));
                tmux("send-keys", "-t", SESSION, "q");
                String after = awaitScreen(s -> s.contains("TOP-42") && !s.contains("sort: name"));
                assertFalse(after.contains("GROUP"), "the alternate screen is gone: " + after);
                String stty = Files.readString(sttyAfter);
                assertTrue(stty.contains(" icanon") && stty.contains(" echo "), "cooked mode back: " + stty);
            } finally {
                tmux("kill-session", "-t", SESSION);
            }
            try (AgentConnection probe = AgentConnection.open(server.pid(), TIMEOUT)) {
                assertEquals(0, probe.askStatus(BuiltJars.agentJar()).instrumentedClasses(), "q detached");
            }
        }
    }

    private static String awaitScreen(Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", SESSION);
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        return fail("the screen never showed what was expected; last screen:\n" + screen);
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The CLI's classes and libraries, JLine included, where this JVM loaded them from. */
    private static String cliClasspath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(IoTraceCli.class, RecordingReader.class, CommandLine.class, ObjectMapper.class,
                JsonFactory.class, JsonAutoDetect.class, Terminal.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
