package io.iotrace.analyzers.finding;

import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the blocking calls of a Flight Recorder file (the agent's {@code iotrace-<pid>.jfr}).
 *
 * <p>Two rules hold whatever the JDK or the agent's version:
 * <ul>
 *   <li>No frame of the agent reaches a finding. An event the agent commits itself is committed from its runtime,
 *       whose frames on top are dropped (the call it records is the JDK method beneath). Any other event with an
 *       agent frame on its stack is the agent's own doing (its bookkeeping, a class it transforms) and is dropped
 *       whole: its cost is the agent's to fix, not the application's.</li>
 *   <li>One call gives one blocking call. The agent's event spans the whole instrumented call; a JDK file or socket
 *       event of the same thread inside it is the same call, seen again, and is dropped; so is any event of the
 *       same thread inside a process start or a yield (the JDK's work inside them).</li>
 * </ul>
 */
public final class JfrBlockingCalls {
    private static final String AGENT = "io.iotrace.agent.";
    private static final String AGENT_CALL_EVENT = "iotrace.BlockingCall";
    private static final String AGENT_METHOD_EVENT = "iotrace.BlockingMethod";
    private static final String JDK_METHOD_TRACE = "jdk.MethodTrace";
    /** The address a hidden class's name ends with: {@code .0x1c338800} (JDK 21+) or {@code /0x1c338800}. */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x[0-9a-f]+$");

    private JfrBlockingCalls() {
    }

    /** As {@link #read(Path, IntFunction, Consumer)}, with the agent's calls' resources unnamed. */
    public static void read(Path file, Consumer<BlockingCall> sink) throws IOException {
        read(file, id -> "", sink);
    }

    /**
     * Reads {@code file} and hands each blocking call to {@code sink}, in file order.
     *
     * @param resourceNames the description of a resource of the {@code .iotrace} recording, by id: the agent's
     *                      events name their resource by that id
     * @throws IOException when the file cannot be read or is not a JFR recording; the message names the file
     */
    public static void read(Path file, IntFunction<String> resourceNames, Consumer<BlockingCall> sink)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such JFR file");
        }
        List<BlockingCall> calls = new ArrayList<>();
        List<Boolean> fromAgent = new ArrayList<>();
        Map<Long, List<long[]>> agentCallsByThread = new HashMap<>();
        Map<Long, List<BlockingCall>> wholeCallsByThread = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                BlockingCall call = callOf(event, resourceNames);
                if (call != null) {
                    boolean agentCall = event.getEventType().getName().equals(AGENT_CALL_EVENT);
                    calls.add(call);
                    fromAgent.add(agentCall);
                    if (agentCall) {
                        agentCallsByThread.computeIfAbsent(call.threadId(), id -> new ArrayList<>())
                                .add(new long[] {call.startEpochNanos(), call.startEpochNanos() + call.durationNanos()});
                    }
                    if (call.kind() == BlockingKind.PROCESS_START || call.kind() == BlockingKind.THREAD_YIELD) {
                        wholeCallsByThread.computeIfAbsent(call.threadId(), id -> new ArrayList<>()).add(call);
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException(file + ": not a readable JFR recording: " + e.getMessage(), e);
        }
        for (int i = 0; i < calls.size(); i++) {
            BlockingCall call = calls.get(i);
            boolean sameCallSeenAgain = !fromAgent.get(i)
                    && overlapsAgentCall(call, agentCallsByThread.getOrDefault(call.threadId(), List.of()));
            boolean partOfAnother = insideWholeCall(call, wholeCallsByThread.getOrDefault(call.threadId(), List.of()));
            if (!sameCallSeenAgain && !partOfAnother) {
                sink.accept(call);
            }
        }
    }

    /**
     * A call made inside a process start or a yield of the same thread: what the JDK does inside such a call (a lock it
     * waits for, a file it reads) is part of it, which is one finding.
     */
    private static boolean insideWholeCall(BlockingCall call, List<BlockingCall> wholeCalls) {
        long start = call.startEpochNanos();
        long end = start + call.durationNanos();
        for (BlockingCall whole : wholeCalls) {
            long wholeStart = whole.startEpochNanos();
            if (whole != call && start >= wholeStart && end <= wholeStart + whole.durationNanos()) {
                return true;
            }
        }
        return false;
    }

    private static BlockingCall callOf(RecordedEvent event, IntFunction<String> resourceNames) {
        String type = event.getEventType().getName();
        RecordedThread thread = event.getThread();
        BlockingKind kind = switch (type) {
            case AGENT_CALL_EVENT -> agentCallKind(event);
            case AGENT_METHOD_EVENT -> BlockingKind.ofId(stringField(event, "kind"));
            default -> BlockingKind.ofJfrEvent(type);
        };
        if (kind == null || thread == null) {
            return null;
        }
        CallStack stack = stackOf(event.getStackTrace(), type.startsWith("iotrace."));
        if (stack == null) {
            return null;
        }
        if (type.equals(JDK_METHOD_TRACE)) {
            stack = withTracedMethodOnTop(event, stack);
        }
        String resource = type.equals(AGENT_CALL_EVENT) ? resourceNames.apply(event.getInt("resourceId"))
                : resourceOf(kind, event);
        return new BlockingCall(thread.getJavaThreadId(), nameOf(thread), isVirtual(thread), kind,
                resource == null ? "" : resource, epochNanos(event.getStartTime()), event.getDuration().toNanos(), stack);
    }

    /**
     * A method traced by JDK 25's {@code jdk.MethodTrace} (older recordings) has a stack that starts at its caller: the
     * method itself goes on top, where a JDK call's would be. The agent's own event is committed inside the method.
     */
    private static CallStack withTracedMethodOnTop(RecordedEvent event, CallStack stack) {
        RecordedMethod method = event.getValue("method");
        if (method == null) {
            return stack;
        }
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(withoutHiddenClassSuffix(method.getType().getName()), method.getName(), -1));
        frames.addAll(stack.frames());
        return new CallStack(frames, stack.truncated());
    }

    private static BlockingKind agentCallKind(RecordedEvent event) {
        return BlockingKind.ofAgentCall(Operation.ofCode(event.getInt("operation")),
                ResourceKind.ofCode(event.getInt("resourceKind")), event.getBoolean("console"));
    }

    /**
     * A JDK file or socket event that overlaps an agent's event of the same thread: the same call, seen twice (a thread
     * makes one call at a time; which of the two instrumentations wraps the other depends on which transformed the
     * method last).
     */
    private static boolean overlapsAgentCall(BlockingCall call, List<long[]> agentCalls) {
        if (!(call.kind().isSocket() || call.kind() == BlockingKind.FILE_READ || call.kind() == BlockingKind.FILE_WRITE)) {
            return false;
        }
        long start = call.startEpochNanos();
        long end = start + call.durationNanos();
        for (long[] agentCall : agentCalls) {
            if (start < agentCall[1] && end > agentCall[0]) {
                return true;
            }
        }
        return false;
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
            // A sleep is on nothing; the other kinds come from the agent's events, which name their resource by id.
            default -> "";
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
     * The stack, innermost first; null when the agent made the call or no Java frame can be named. For an event the
     * agent commits itself, its runtime's frames on top are dropped, and the rest must be free of agent frames like
     * any other event's.
     */
    private static CallStack stackOf(RecordedStackTrace trace, boolean committedByAgent) {
        List<Frame> frames = new ArrayList<>();
        if (trace != null) {
            boolean onTop = committedByAgent;
            for (RecordedFrame frame : trace.getFrames()) {
                if (frame.getMethod() == null) {
                    continue; // a method Flight Recorder could not name any more (its class was redefined since)
                }
                String className = frame.getMethod().getType().getName();
                boolean agentFrame = className.startsWith(AGENT);
                if (onTop && agentFrame) {
                    continue;
                }
                onTop = false;
                if (agentFrame) {
                    return null;
                }
                if (frame.isJavaFrame()) {
                    frames.add(new Frame(withoutHiddenClassSuffix(className), frame.getMethod().getName(),
                            frame.getLineNumber(), Modifier.isNative(frame.getMethod().getModifiers())));
                }
            }
        }
        if (frames.isEmpty()) {
            // No frame left to name: the JVM's own work, or code redefined since (the agent transforming or
            // restoring a class, holding the class's locks). Nothing of the application's to point at.
            return null;
        }
        return new CallStack(frames, trace != null && trace.isTruncated());
    }
}
