package io.iotrace.cli.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code java} command for a child JVM, with or without the real agent. Start it with {@link #start()}; the
 * returned {@link RunningJava} stops the process on {@code close()}, so use it in try-with-resources.
 *
 * <pre>{@code
 * try (RunningJava server = ChildJava.on(jdk).traced(dir).classpath(BuiltJars.classpathOf(BlockingEchoServer.class))
 *         .main(BlockingEchoServer.class).start()) { ... }
 * }</pre>
 */
public final class ChildJava {
    private final TargetJdk jdk;
    private Path recordingDirectory;
    private final List<String> agentOptions = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String classpath;
    private String mainClass;
    private final List<String> args = new ArrayList<>();

    private ChildJava(TargetJdk jdk) {
        this.jdk = jdk;
    }

    public static ChildJava on(TargetJdk jdk) {
        return new ChildJava(jdk);
    }

    /** Runs with {@code -javaagent:agent/target/iotrace-agent.jar=dir=DIR}: the recording goes into DIR. */
    public ChildJava traced(Path directory) {
        this.recordingDirectory = directory.toAbsolutePath();
        return this;
    }

    /** Adds an agent option ({@code ring=16}) after {@code dir}. */
    public ChildJava agentOption(String keyValue) {
        agentOptions.add(keyValue);
        return this;
    }

    public ChildJava jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ChildJava classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    /** The main class; the class path defaults to where it was loaded from. */
    public ChildJava main(Class<?> mainClass) {
        if (classpath == null) {
            classpath = BuiltJars.classpathOf(mainClass);
        }
        return main(mainClass.getName());
    }

    public ChildJava main(String mainClass) {
        this.mainClass = mainClass;
        return this;
    }

    public ChildJava args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** The command line this would run. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        if (recordingDirectory != null) {
            StringBuilder agent = new StringBuilder("-javaagent:").append(BuiltJars.agentJar())
                    .append("=dir=").append(recordingDirectory);
            agentOptions.forEach(o -> agent.append(',').append(o));
            command.add(agent.toString());
        }
        command.addAll(jvmOptions);
        if (classpath != null) {
            command.add("-cp");
            command.add(classpath);
        }
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public RunningJava start() throws IOException {
        if (mainClass == null) {
            throw new IllegalStateException("no main class given");
        }
        ProcessBuilder builder = new ProcessBuilder(command());
        // The agent must be the one this test asks for, not one injected by a surrounding 'iotrace run'.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return new RunningJava(mainClass.substring(mainClass.lastIndexOf('.') + 1), builder.start(),
                recordingDirectory);
    }
}
