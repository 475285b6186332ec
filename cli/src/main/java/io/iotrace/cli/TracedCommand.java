package io.iotrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A command run with the agent in every JVM it starts. JVMs read {@code JAVA_TOOL_OPTIONS}, so the agent
 * follows the command through shell scripts, build tools and the JVMs they fork; each writes its own
 * recording into one directory.
 */
public final class TracedCommand {
    private static final long STOP_GRACE_SECONDS = 10;
    /** How long a signal holds the JVM's exit for the report of what was traced until then. */
    private static final long REPORT_GRACE_SECONDS = 60;

    private final List<String> command;
    private final Path agentJar;
    private final Path recordingDirectory;
    private final String moreAgentOptions;
    private boolean deleteRecordings;
    private Process process;

    TracedCommand(List<String> command, Path agentJar, Path recordingDirectory) {
        this(command, agentJar, recordingDirectory, "");
    }

    /** @param moreAgentOptions agent options after {@code dir}, such as {@code blocking=true}; empty for none */
    public TracedCommand(List<String> command, Path agentJar, Path recordingDirectory, String moreAgentOptions) {
        this.command = command;
        this.agentJar = agentJar;
        this.recordingDirectory = recordingDirectory;
        this.moreAgentOptions = moreAgentOptions;
    }

    /**
     * Deletes the recording directory once the report is out. Here rather than by the caller: after a signal the
     * JVM exits as soon as the report is out, and a caller's clean-up afterwards may never run.
     */
    public TracedCommand deletingRecordingsAfterReport(boolean delete) {
        this.deleteRecordings = delete;
        return this;
    }

    /** Runs the command with inherited standard streams and returns its exit code. */
    public int run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        String agent = "-javaagent:" + agentJar + "=dir=" + recordingDirectory
                + (moreAgentOptions.isEmpty() ? "" : "," + moreAgentOptions);
        String existing = env.get("JAVA_TOOL_OPTIONS");
        env.put("JAVA_TOOL_OPTIONS", existing == null || existing.isBlank() ? agent : existing + " " + agent);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UserError("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        return process.waitFor();
    }

    /** What to do once the command has exited, given its exit code: analyze the recordings and print the report. */
    @FunctionalInterface
    public interface Report<T> {
        T afterExit(int exitCode) throws Exception;
    }

    /**
     * Runs the command, then {@code report}. A Ctrl-C or SIGTERM meanwhile stops the command (its JVMs close their
     * recordings as they go) and holds this JVM's exit until {@code report} has run on what was recorded.
     */
    public <T> T runThenReport(Report<T> report) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            stop();
            try {
                reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "iotrace-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return report.afterExit(run());
        } finally {
            try {
                if (deleteRecordings) {
                    Directories.deleteTree(recordingDirectory);
                }
            } finally {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // Already stopping on a signal: the hook runs and returns at once.
                }
            }
        }
    }

    /**
     * Stops the command and every process it started (SIGTERM, so that each JVM's agent closes its
     * recording), then, after a grace period, kills what is left.
     */
    public void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (ProcessHandle h : tree) {
                h.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
