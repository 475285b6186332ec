package io.iotrace.cli.attach;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * One recording of a running JVM: the agent loaded into it, the hooks live, the recording growing in a folder
 * of ours; {@link #stop} takes the hooks out and closes the file. The target runs on unharmed throughout.
 */
public final class TracingSession implements AutoCloseable {
    private static final int OLDEST_JAVA = 17;

    private final TargetJvm target;
    private final AgentConnection connection;
    private final Path agentJar;
    private final String session;
    private final AgentStatus started;
    private final long attachStartNanos;
    private AgentStatus stopped;

    private TracingSession(TargetJvm target, AgentConnection connection, Path agentJar, String session,
                           AgentStatus started, long attachStartNanos) {
        this.target = target;
        this.connection = connection;
        this.agentJar = agentJar;
        this.session = session;
        this.started = started;
        this.attachStartNanos = attachStartNanos;
    }

    /**
     * Attaches to {@code pid} and starts recording into {@code directory}.
     *
     * @throws AttachFailure when the pid is no JVM iotrace can trace, or is already traced
     */
    public static TracingSession start(long pid, Path agentJar, Path directory, Duration timeout) {
        return start(pid, agentJar, directory, timeout, "");
    }

    /**
     * Attaches to {@code pid} and starts recording into {@code directory}, with more agent options (such as
     * {@code blocking=true}).
     *
     * @throws AttachFailure when the pid is no JVM iotrace can trace, or is already traced
     */
    public static TracingSession start(long pid, Path agentJar, Path directory, Duration timeout,
                                       String moreAgentOptions) {
        long attachStart = System.nanoTime();
        TargetJvm checked = TargetJvm.check(pid);
        AgentConnection connection = AgentConnection.open(pid, timeout);
        try {
            // One read for all three: each is a round trip to a target that may be busy.
            Properties properties = connection.systemProperties();
            TargetJvm target = checked.named(properties.getProperty("sun.java.command", ""));
            String version = properties.getProperty("java.specification.version", "?");
            if (featureOf(version) < OLDEST_JAVA) {
                throw new AttachFailure("pid " + pid + " runs Java " + version + "; iotrace attaches to Java "
                        + OLDEST_JAVA + " or newer");
            }
            refuseIfTraced(pid, AgentStatus.of(properties));
            letTargetWrite(directory, target.facts().uid());
            String session = ProcessHandle.current().pid() + "-" + System.nanoTime();
            connection.loadAgent(agentJar, "command=start,session=" + session + ",owner="
                    + ProcessHandle.current().pid() + ",dir=" + directory
                    + (moreAgentOptions.isEmpty() ? "" : "," + moreAgentOptions));
            AgentStatus status = connection.status();
            if (!status.session().equals(session)) {
                refuseIfTraced(pid, status);
            }
            if (!status.isRecording()) {
                throw new AttachFailure("the agent could not start recording in pid " + pid + ": "
                        + status.message() + "; the JVM runs on, untraced");
            }
            return new TracingSession(target, connection, agentJar, session, status, attachStart);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public TargetJvm target() {
        return target;
    }

    /** The status the agent reported when the recording began. */
    public AgentStatus started() {
        return started;
    }

    public Path recording() {
        return Path.of(started.recording());
    }

    /** {@code System.nanoTime()} when the attach began; the same clock as the recording's events on Linux. */
    public long attachStartNanos() {
        return attachStartNanos;
    }

    /**
     * Says on {@code err} what is being done to which JVM for how long, and, when the target is Java 21+ and printed
     * its warning about a dynamically loaded agent, that a flag silences it.
     *
     * @param doing    what the session is for, as a verb: "recording", "linting"
     * @param duration how long, or null for until Ctrl-C
     */
    public void announce(String doing, Duration duration, PrintWriter err) {
        String name = target.displayName().split(" ")[0];
        err.println("iotrace: " + doing + " pid " + target.pid() + (name.isEmpty() ? "" : " (" + name + ")")
                + (duration != null ? " for " + Durations.format(duration) : " until Ctrl-C") + "...");
        if (started.dynamicLoadWarning()) {
            err.println("iotrace: note: Java 21+ printed a warning about a dynamically loaded agent on the"
                    + " target's stderr; starting it with -XX:+EnableDynamicAgentLoading allows iotrace without the"
                    + " warning (no other flag is needed)");
        }
        err.flush();
    }

    /** {@link #stop}, telling {@code warnings} when the agent had stopped by itself before (and why). */
    public void stopAndWarn(List<String> warnings) {
        AgentStatus last = stop();
        if (last != null && !last.message().isEmpty()) {
            warnings.add("the agent stopped early: " + last.message());
        }
    }

    /**
     * Stops the recording: hooks out, file closed with its end marker. Returns the agent's last word, or null
     * when the target exited before (its recording is then cut short, not lost).
     */
    public AgentStatus stop() {
        if (stopped == null && ProcessHandle.of(target.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            connection.loadAgent(agentJar, "command=stop,session=" + session);
            stopped = connection.status();
        }
        return stopped;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            connection.close();
        }
    }

    private static void refuseIfTraced(long pid, AgentStatus status) {
        if (status.isRecording() || status.state().equals("starting")) {
            throw new AttachFailure("pid " + pid + " is already being traced "
                    + (status.session().isEmpty() ? "(its agent was given with -javaagent at start)"
                    : "by another iotrace session (pid " + status.session().split("-")[0] + ")")
                    + "; one session at a time");
        }
    }

    /**
     * The agent writes as the target's user: when root attaches to another user's JVM, the folder must be that
     * user's.
     */
    private static void letTargetWrite(Path directory, int uid) {
        try {
            if ((Integer) Files.getAttribute(directory, "unix:uid") != uid) {
                Files.setAttribute(directory, "unix:uid", uid);
            }
        } catch (IOException e) {
            throw new AttachFailure("cannot hand " + directory + " to uid " + uid + ": " + e.getMessage());
        }
    }

    private static int featureOf(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        try {
            return Integer.parseInt(v.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
