package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * Waits on a loop thread that are its runtime's, not its application's, told apart by their callers and by what
 * the JVM says of them: the JVM's own (loading a class reads its jar; a class is initialized once, and a thread
 * that needs it meanwhile waits; a selector's own locks are taken briefly against {@code wakeup} and are part of
 * its wait; Flight Recorder's bookkeeping; the agent's own never get here, see {@link JfrBlockingCalls}) and the
 * brief waits that a framework's loop machinery makes and that the framework itself declares non-blocking in its
 * BlockHound integration (Netty: an executor's task queue, confirming a shutdown, its buffer pools, its TLS engine's
 * tasks; Reactor: its schedulers' queues), kept as data in {@code framework-allowances.tsv}. The JVM's callers count
 * anywhere on the stack (whatever a class initializer does, it does once); a framework's only when no application
 * frame lies between it and the wait: a task of the application that Netty runs while confirming a shutdown is the
 * application's.
 *
 * <p>A lock that libraries take among themselves, with no application frame anywhere on a whole stack, is their
 * own synchronization too (Netty's allocator counting its chunks in a {@code LongAdder}): brief, and nothing the
 * application could change. A library's I/O, sleeps, and parks other than for a lock ({@code Future.get}, a
 * latch) are findings even then.
 */
final class RuntimeWaits {
    /** A caller starting with one of these, or, when it starts with a dot, ending with it. */
    private static final List<String> JVM_CALLERS = List.of("java.lang.ClassLoader.loadClass",
            "jdk.internal.loader.", ".<clinit>", "sun.nio.ch.SelectorImpl.", "sun.nio.ch.EPollSelectorImpl.",
            "sun.nio.ch.PollSelectorImpl.", "sun.nio.ch.KQueueSelectorImpl.", "jdk.jfr.");
    /** As above, for the frameworks' callers: the data of {@code framework-allowances.tsv}. */
    private static final List<String> FRAMEWORK_CALLERS = DataTable.rows("framework-allowances.tsv").stream()
            .map(row -> row[1].replace('#', '.')).toList();
    /** HotSpot's class initialization lock is an {@code int[]}. */
    private static final String CLASS_INIT_LOCK = "[I";
    /** How JDK 24+ words the pin of a virtual thread waiting for another to initialize a class. */
    private static final String CLASS_INIT_PIN = "Waited for initialization of ";
    /** How JDK 25 words a pin where unmounting failed, such as one inside a class initialization wait. */
    private static final String FAILED_PREEMPTION = "Freeze or preempt failed";
    /** The JDK's locks, whose waits are parks. */
    private static final List<String> LOCKS = List.of("java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock", "java.util.concurrent.locks.StampedLock");

    private final ApplicationCode application;

    RuntimeWaits(ApplicationCode application) {
        this.application = application;
    }

    /** Whether the runtime, not the application, made this call wait. */
    boolean madeBy(BlockingCall call) {
        CallStack stack = call.stack();
        return stack.frames().stream().anyMatch(frame -> isCalledBy(frame, JVM_CALLERS))
                || hasNearerFrameworkCaller(stack) || isLibrariesOwnLock(call.kind(), stack)
                || isClassInitializationWait(call);
    }

    /**
     * A thread that needs a class another thread is initializing enters and waits on the class's init lock, which
     * Flight Recorder reports as a monitor of class {@code int[]}, the wait without an {@code Object.wait} frame:
     * the JVM's wait, once per class. A virtual thread waits so pinned, and JDK 24+ says so in the pin's reason.
     */
    static boolean isClassInitializationWait(BlockingCall call) {
        if (call.kind() == BlockingKind.PINNED) {
            // JDK 25 may report the same wait as a failed preemption (a contended monitor it could not unmount
            // from) whose stack ends in the application's or a library's own bytecode, with no blocking JDK method
            // on top, or in a JDK native method, where no Java code takes a monitor: the VM itself waited there
            // (for a class's initialization, or on its own lock below the native call).
            List<Frame> frames = call.stack().frames();
            return call.resource().startsWith(CLASS_INIT_PIN) || call.resource().startsWith(FAILED_PREEMPTION)
                    && !frames.isEmpty() && (!ApplicationCode.isPlatform(frames.get(0).className())
                            || frames.get(0).nativeMethod());
        }
        boolean monitor = call.kind() == BlockingKind.MONITOR_ENTER || call.kind() == BlockingKind.MONITOR_WAIT;
        return monitor && (call.resource().equals(CLASS_INIT_LOCK) || call.kind() == BlockingKind.MONITOR_WAIT
                && call.stack().frames().stream()
                        .noneMatch(frame -> frame.qualifiedMethod().startsWith("java.lang.Object.wait")));
    }


    private boolean hasNearerFrameworkCaller(CallStack stack) {
        for (Frame frame : stack.frames()) {
            if (isCalledBy(frame, FRAMEWORK_CALLERS)) {
                return true;
            }
            if (application.owns(frame.className())) {
                return false;
            }
        }
        return false;
    }

    private static boolean isCalledBy(Frame frame, List<String> callers) {
        String method = frame.qualifiedMethod();
        for (String caller : callers) {
            if (caller.startsWith(".") ? method.endsWith(caller) : method.startsWith(caller)) {
                return true;
            }
        }
        return false;
    }

    private boolean isLibrariesOwnLock(BlockingKind kind, CallStack stack) {
        boolean lock = kind == BlockingKind.MONITOR_ENTER || kind == BlockingKind.PARK && stack.frames().stream()
                .anyMatch(frame -> LOCKS.stream().anyMatch(frame.className()::startsWith));
        return lock && !stack.truncated() && !stack.frames().isEmpty() && !application.isOnStack(stack);
    }
}
