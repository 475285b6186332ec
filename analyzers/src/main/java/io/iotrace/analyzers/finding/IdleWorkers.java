package io.iotrace.analyzers.finding;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pool thread waiting for its next task: idle, not blocked. A thread that takes turns running a selector (Jetty's
 * pool threads share its one) is measured as a loop, yet between turns it waits in its pool's queue like any worker.
 *
 * <p>Told by the stack's shape alone, as Flight Recorder gives it: innermost, the JDK's waiting (locks, conditions,
 * a queue's own {@code take}) or a library's lock wrapper ({@code lock}, {@code await...}); then a method that waits
 * for work ({@code poll}, {@code take}, {@code getTask}, {@code waitForTask}, ...); then, down to the thread's root,
 * nothing but the pool's run loop ({@code run}, {@code runWorker}, {@code runJob}, ...). A handler's frame anywhere
 * below the wait (a {@code channelRead}, a {@code service}, an {@code onFillable}) means the thread was working when
 * it waited, and the wait stays a finding. A cut-short stack, whose root is unknown, is never idle.
 *
 * <p>What this cannot tell: a loop whose own {@code run()} both selects and takes from a queue looks, while it
 * takes, like a worker between tasks.
 */
final class IdleWorkers {
    /** Methods that wait for the next piece of work. */
    private static final Pattern WAITS_FOR_WORK = Pattern.compile(
            "poll|take|pollFirst|pollLast|takeFirst|takeLast|\\w*(Poll|Take)"
            + "|(get|await|waitFor|next|idle|poll|take)\\w*(Task|Job|Work)\\w*");
    /** Methods of a pool's run loop, between the thread's root and the wait for work. */
    private static final Pattern RUN_LOOP = Pattern.compile("run|runWith|call|run[A-Z]\\w*|doRun\\w*");
    /** A library's own lock or condition wrapped around the JDK's. */
    private static final Pattern LOCK_WRAPPER = Pattern.compile(
            "lock|lockInterruptibly|tryLock|await\\w*|acquire\\w*|tryAcquire\\w*|park\\w*|wait\\w*");
    /** Where a thread's stack begins. */
    private static final List<String> THREAD_ROOTS = List.of("java.lang.Thread.run", "java.lang.Thread.runWith",
            "java.lang.VirtualThread.run", "java.util.concurrent.ForkJoinWorkerThread.run");

    private IdleWorkers() {
    }

    /** Whether this call is a pool thread waiting, between tasks, for its next one. */
    static boolean isWaitingForWork(BlockingCall call) {
        BlockingKind kind = call.kind();
        boolean wait = kind == BlockingKind.PARK || kind == BlockingKind.MONITOR_WAIT
                || kind == BlockingKind.MONITOR_ENTER;
        List<Frame> frames = call.stack().frames();
        if (!wait || call.stack().truncated() || frames.isEmpty()
                || !THREAD_ROOTS.contains(frames.get(frames.size() - 1).qualifiedMethod())) {
            return false;
        }
        int i = 0;
        while (i < frames.size() && !WAITS_FOR_WORK.matcher(frames.get(i).method()).matches()) {
            Frame frame = frames.get(i);
            boolean jdk = frame.className().startsWith("java.") || frame.className().startsWith("jdk.");
            if (!jdk && !LOCK_WRAPPER.matcher(frame.method()).matches()) {
                return false;
            }
            i++;
        }
        if (i == frames.size()) {
            return false;
        }
        for (Frame frame : frames.subList(i, frames.size() - 1)) {
            if (!WAITS_FOR_WORK.matcher(frame.method()).matches() && !RUN_LOOP.matcher(frame.method()).matches()) {
                return false;
            }
        }
        return true;
    }
}
