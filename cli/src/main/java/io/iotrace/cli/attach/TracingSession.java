package io.iotrace.cli.attach;

import io.iotrace.cli.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        // What the JVM publishes in its perf data file spares a round trip before the agent loads.
        Optional<PerfData> published = PerfData.of(checked.facts());
        if (published.isPresent() && !published.get().acceptsAttach()) {
            throw AgentConnection.attachDisabled(pid, "its perf data says so");
        }
        Optional<String> version = published.flatMap(PerfData::javaVersion);
        version.ifPresent(v -> refuseIfTooOld(pid, v));
        startListener(checked.facts(), timeout);
        AgentConnection connection = AgentConnection.open(pid, timeout);
        try {
            if (version.isEmpty()) {
                Properties properties = connection.systemProperties();
                refuseIfTooOld(pid, properties.getProperty("java.specification.version", "?"));
                refuseIfTraced(pid, AgentStatus.of(properties));
            }
            letTargetWrite(directory, checked.facts().uid());
            String session = ProcessHandle.current().pid() + "-" + System.nanoTime();
            connection.loadAgent(agentJar, "command=start,session=" + session + ",owner="
                    + ProcessHandle.current().pid() + ",dir=" + directory
                    + (moreAgentOptions.isEmpty() ? "" : "," + moreAgentOptions));
            // One read for the agent's word and the JVM's name: each is a round trip to a target that may be busy.
            Properties properties = connection.systemProperties();
            AgentStatus status = AgentStatus.of(properties);
            if (!status.session().equals(session)) {
                refuseIfTraced(pid, status);
            }
            if (!status.isRecording()) {
                throw new AttachFailure("the agent could not start recording in pid " + pid + ": "
                        + status.message() + "; the JVM runs on, untraced");
            }
            TargetJvm target = checked.named(published.flatMap(PerfData::command)
                    .orElse(properties.getProperty("sun.java.command", "")));
            return new TracingSession(target, connection, agentJar, session, status, attachStart);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void startListener(ProcessFacts jvm, Duration timeout) {
        try {
            if (!AttachListener.start(jvm, timeout)) {
                throw AgentConnection.noAnswer(jvm.pid(), timeout, "attaching");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttachFailure("interrupted while attaching pid " + jvm.pid());
        }
    }

    /** @param version its {@code java.version} or {@code java.specification.version} */
    private static void refuseIfTooOld(long pid, String version) {
        int feature = featureOf(version);
        if (feature < OLDEST_JAVA) {
            throw new AttachFailure("pid " + pid + " runs Java " + (feature > 0 ? feature : version)
                    + "; iotrace attaches to Java "
                    + OLDEST_JAVA + " or newer");
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

    /** 17 of {@code 17.0.9}, {@code 17}, {@code 17-internal} or {@code 25-ea}; 8 of {@code 1.8.0_402}; else 0. */
    static int featureOf(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int digits = 0;
        while (digits < v.length() && Character.isDigit(v.charAt(digits))) {
            digits++;
        }
        try {
            return digits == 0 ? 0 : Integer.parseInt(v.substring(0, digits));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
