package io.iotrace.cli.testing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.cli.IoTraceCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The {@code iotrace} CLI in a process of its own, for what needs a real process: signals, exit codes. */
public final class CliProcess {
    private CliProcess() {
    }

    /** The CLI's classes and libraries, where this JVM loaded them from. */
    public static List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        for (Class<?> c : List.of(IoTraceCli.class, RecordingReader.class, CommandLine.class, ObjectMapper.class,
                JsonFactory.class, JsonAutoDetect.class)) {
            entries.add(BuiltJars.locationOf(c));
        }
        return entries;
    }

    /** Starts {@code iotrace args...} on the JDK that runs the tests, with the agent the build made. */
    public static RunningJava start(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return RunningJava.of("iotrace", builder.start());
    }

    /** The command line of {@code iotrace args...} on the JDK that runs the tests, with the agent the build made. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Diotrace.agent.jar=" + BuiltJars.agentJar(), "-cp",
                String.join(java.io.File.pathSeparator, classpath().stream().map(Path::toString).toList()),
                IoTraceCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
