package io.iotrace.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Records the calls that block a thread with their stacks, through the JDK's own Flight Recorder: sleeps, parks,
 * contended {@code synchronized} entries, {@code Object.wait}, file and socket I/O, host name lookups (the
 * agent's own {@link HostLookupEvent}) and every blocking call the agent instruments (its {@link BlockingCallEvent},
 * and its {@link BlockingMethodEvent} for process starts, yields and the methods the user declares blocking).
 *
 * <p>The iotrace recording sees I/O calls but neither their stacks nor the waits that are not I/O; JFR has both,
 * with durations, at a cost paid only when such an event happens. The JFR file, {@code iotrace-<pid>.jfr} beside
 * the {@code .iotrace} recording, is written when the session stops (an attach), or by the JVM itself when it
 * exits ({@code dumpOnExit}).
 */
final class BlockingProbe {
    /** JFR events that say a thread waited, each recorded whatever its duration, with its stack. */
    static final List<String> EVENTS = List.of(
            "jdk.ThreadSleep", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
            "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite",
            // Absent before JDK 21: enabling an unknown event name is ignored by JFR.
            "jdk.VirtualThreadPinned",
            HostLookupEvent.NAME, BlockingCallEvent.NAME, BlockingMethodEvent.NAME);

    private final Recording recording;

    private BlockingProbe(Recording recording) {
        this.recording = recording;
    }

    /**
     * Starts the recording; it is written to {@code file} when the session stops, or when the JVM exits. A JVM
     * without Flight Recorder (a runtime image without module jdk.jfr) is traced on, without stacks, and told so.
     *
     * @return the running probe, or null when it could not start
     */
    static BlockingProbe start(Path file) {
        try {
            return new BlockingProbe(record(file));
        } catch (Throwable e) {
            System.err.println("[iotrace] blocking probe not started, blocking calls will have no stacks: " + e);
            return null;
        }
    }

    /**
     * Stops the recording and writes its file now: a session that ends before its JVM (an attach) must leave no
     * Flight Recorder recording behind, and its client reads the file at once.
     */
    void stop() {
        try {
            recording.stop();
        } catch (Throwable e) {
            System.err.println("[iotrace] blocking probe could not write its file: " + e);
        } finally {
            recording.close();
        }
    }

    private static Recording record(Path file) throws Exception {
        // Registered before the recording names it, and before any hook can commit one.
        FlightRecorder.register(HostLookupEvent.class);
        FlightRecorder.register(BlockingCallEvent.class);
        FlightRecorder.register(BlockingMethodEvent.class);
        Recording recording = new Recording();
        recording.setName("iotrace-blocking");
        for (String event : EVENTS) {
            recording.enable(event).withThreshold(Duration.ZERO).withStackTrace();
        }
        recording.setToDisk(true);
        OwnerOnly.createFile(file);
        recording.setDestination(file);
        recording.setDumpOnExit(true);
        recording.start();
        return recording;
    }
}
