package io.iotrace.analyzers.finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** Streams the blocking calls of a Flight Recorder file (the agent's {@code iotrace-<pid>.jfr}). */
public final class JfrBlockingCalls {
    private static final String AGENT_RUNTIME = "io.iotrace.agent.runtime.";
    /** The address a hidden class's name ends with: {@code .0x1c338800} (JDK 21+) or {@code /0x1c338800}. */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x[0-9a-f]+$");

    private JfrBlockingCalls() {
    }

    /**
     * Reads {@code file} and hands each blocking call to {@code sink}, in file order.
     *
     * @throws IOException when the file cannot be read or is not a JFR recording; the message names the file
     */
    public static void read(Path file, Consumer<BlockingCall> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such JFR file");
        }
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                BlockingKind kind = BlockingKind.ofJfrEvent(event.getEventType().getName());
                RecordedThread thread = event.getThread();
                if (kind != null && thread != null) {
                    sink.accept(new BlockingCall(thread.getJavaThreadId(), nameOf(thread), isVirtual(thread), kind,
                            resourceOf(kind, event), epochNanos(event.getStartTime()),
                            event.getDuration().toNanos(), stackOf(event.getStackTrace())));
                }
            }
        } catch (IOException e) {
            throw new IOException(file + ": not a readable JFR recording: " + e.getMessage(), e);
        }
    }

    private static String nameOf(RecordedThread thread) {
        String name = thread.getJavaName();
        return name != null ? name : thread.getOSName();
    }

    private static boolean isVirtual(RecordedThread thread) {
        // The field exists from JDK 21 on.
        return thread.hasField("virtual") && thread.getBoolean("virtual");
    }

    private static String resourceOf(BlockingKind kind, RecordedEvent event) {
        return switch (kind) {
            case FILE_READ, FILE_WRITE -> stringField(event, "path");
            case SOCKET_READ, SOCKET_WRITE -> stringField(event, "address") + ":" + event.getInt("port");
            case DNS -> stringField(event, "host");
            case MONITOR_ENTER, MONITOR_WAIT -> className(event, "monitorClass");
            case PARK -> className(event, "parkedClass");
            // Why the thread could not unmount, from JDK 24 on ("Native or VM frame on stack"); JDK 21 does not say.
            case PINNED -> stringField(event, "pinnedReason");
            case SLEEP -> "";
        };
    }

    private static String stringField(RecordedEvent event, String field) {
        String value = event.hasField(field) ? event.getString(field) : null;
        return value != null ? value : "";
    }

    private static String className(RecordedEvent event, String field) {
        RecordedClass type = event.hasField(field) ? event.getClass(field) : null;
        return type != null ? type.getName() : "";
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * A hidden class's name without its address, which changes from run to run while a finding's fingerprint must
     * not: {@code a.B$$Lambda} for a lambda's, named {@code a.B$$Lambda.0x7e1cd448} (JDK 21+) or
     * {@code a.B$$Lambda$14/0x7e1cd448} (JDK 17); {@code java.lang.invoke.LambdaForm$MH} for the method handles'
     * {@code java.lang.invoke.LambdaForm$MH.0x1c338800} (on the stack of every Foreign Function upcall).
     */
    static String withoutHiddenClassSuffix(String className) {
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) {
            return className.substring(0, lambda + "$$Lambda".length());
        }
        Matcher address = HIDDEN_CLASS_ADDRESS.matcher(className);
        return address.find() ? className.substring(0, address.start()) : className;
    }

    /**
     * The stack, innermost first, without the agent's runtime frames on top: an event the agent commits itself (a
     * host lookup) is committed from there, but the call it records is the JDK method beneath.
     */
    private static CallStack stackOf(RecordedStackTrace trace) {
        List<Frame> frames = new ArrayList<>();
        if (trace != null) {
            for (RecordedFrame frame : trace.getFrames()) {
                if (frame.getMethod() == null) {
                    continue; // a method Flight Recorder could not name any more (its class was redefined since)
                }
                boolean agentCommit = frames.isEmpty() && frame.getMethod().getType().getName().startsWith(AGENT_RUNTIME);
                if (frame.isJavaFrame() && !agentCommit) {
                    frames.add(new Frame(withoutHiddenClassSuffix(frame.getMethod().getType().getName()),
                            frame.getMethod().getName(), frame.getLineNumber()));
                }
            }
        }
        return new CallStack(frames, trace != null && trace.isTruncated());
    }
}
