package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * Waits on a loop thread that are its runtime's, not its application's, told apart by their callers: the JVM's own
 * (loading a class reads its jar, and a class is initialized once; a selector's own locks are taken briefly
 * against {@code wakeup} and are part of its wait; Flight Recorder's and the agent's bookkeeping) and the brief
 * locks that a framework's loop machinery takes and that the framework itself declares non-blocking (Netty lists
 * them in its BlockHound integration: an executor's task queue, confirming a shutdown, its buffer pools). The
 * JVM's callers count anywhere on the stack (whatever a class initializer does, it does once); a framework's
 * only when no application frame lies between it and the wait: a task of the application that Netty runs while
 * confirming a shutdown is the application's.
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
            "sun.nio.ch.PollSelectorImpl.", "sun.nio.ch.KQueueSelectorImpl.", "jdk.jfr.", "io.iotrace.agent.");
    /** As above, for the frameworks' callers. */
    private static final List<String> FRAMEWORK_CALLERS = List.of(
            "io.netty.util.concurrent.SingleThreadEventExecutor.addTask",
            "io.netty.util.concurrent.SingleThreadEventExecutor.takeTask",
            "io.netty.util.concurrent.SingleThreadEventExecutor.confirmShutdown",
            "io.netty.util.concurrent.GlobalEventExecutor.addTask",
            "io.netty.util.concurrent.GlobalEventExecutor.takeTask",
            "io.netty.buffer.PoolArena.lock", "io.netty.buffer.PoolSubpage.lock");
    /** The JDK's locks, whose waits are parks. */
    private static final List<String> LOCKS = List.of("java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock", "java.util.concurrent.locks.StampedLock");

    private RuntimeWaits() {
    }

    /** Whether the runtime, not the application, made this call wait. */
    static boolean madeBy(BlockingKind kind, CallStack stack) {
        return stack.frames().stream().anyMatch(frame -> isCalledBy(frame, JVM_CALLERS))
                || hasNearerFrameworkCaller(stack) || isLibrariesOwnLock(kind, stack);
    }

    private static boolean hasNearerFrameworkCaller(CallStack stack) {
        for (Frame frame : stack.frames()) {
            if (isCalledBy(frame, FRAMEWORK_CALLERS)) {
                return true;
            }
            if (!CallStack.isLibrary(frame.className())) {
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

    private static boolean isLibrariesOwnLock(BlockingKind kind, CallStack stack) {
        boolean lock = kind == BlockingKind.MONITOR_ENTER || kind == BlockingKind.PARK && stack.frames().stream()
                .anyMatch(frame -> LOCKS.stream().anyMatch(frame.className()::startsWith));
        return lock && !stack.truncated() && !stack.frames().isEmpty()
                && stack.frames().stream().allMatch(frame -> CallStack.isLibrary(frame.className()));
    }
}
