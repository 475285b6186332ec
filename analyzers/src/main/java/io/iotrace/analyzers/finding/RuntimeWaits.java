package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * Waits on a loop thread that are its runtime's, not its application's, told apart by a caller on the stack: the
 * JVM's own (loading a class reads its jar, and a class is initialized once; a selector's own locks are taken
 * briefly against {@code wakeup} and are part of its wait; Flight Recorder's and the agent's bookkeeping) and the
 * brief locks that a framework's loop machinery takes and that the framework itself declares non-blocking (Netty
 * lists them in its BlockHound integration: an executor's task queue, confirming a shutdown, its buffer pools).
 * A lock that libraries take among themselves, with no application frame anywhere on the stack, is their own
 * synchronization too (Netty's allocator counting its chunks in a {@code LongAdder}): brief, and nothing the
 * application could change. Their I/O and sleeps, even with no application frame, are findings.
 */
final class RuntimeWaits {
    /** A caller starting with one of these, or, when it starts with a dot, ending with it. */
    private static final List<String> CALLERS = List.of("java.lang.ClassLoader.loadClass",
            "jdk.internal.loader.", ".<clinit>", "sun.nio.ch.SelectorImpl.", "sun.nio.ch.EPollSelectorImpl.",
            "sun.nio.ch.PollSelectorImpl.", "sun.nio.ch.KQueueSelectorImpl.", "jdk.jfr.", "io.iotrace.agent.",
            "io.netty.util.concurrent.SingleThreadEventExecutor.addTask",
            "io.netty.util.concurrent.SingleThreadEventExecutor.takeTask",
            "io.netty.util.concurrent.SingleThreadEventExecutor.confirmShutdown",
            "io.netty.util.concurrent.GlobalEventExecutor.addTask",
            "io.netty.util.concurrent.GlobalEventExecutor.takeTask",
            "io.netty.buffer.PoolArena.lock", "io.netty.buffer.PoolSubpage.lock");

    private RuntimeWaits() {
    }

    /** Whether the runtime, not the application, made this call wait. */
    static boolean madeBy(BlockingKind kind, CallStack stack) {
        boolean lock = kind == BlockingKind.MONITOR_ENTER || kind == BlockingKind.PARK;
        if (lock && !stack.frames().isEmpty()
                && stack.frames().stream().allMatch(frame -> CallStack.isLibrary(frame.className()))) {
            return true;
        }
        for (Frame frame : stack.frames()) {
            String method = frame.qualifiedMethod();
            for (String caller : CALLERS) {
                if (caller.startsWith(".") ? method.endsWith(caller) : method.startsWith(caller)) {
                    return true;
                }
            }
        }
        return false;
    }
}
