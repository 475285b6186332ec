package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * Waits of a server's start-up, which {@code iotrace lint} reports apart and by default does not fail on: when loops
 * start together they contend for what is set up once (a framework's shared map of bound ports, a thread-local
 * allocator's first chunk, the JDK's locale data, a class's reflection data), and whether two of them meet there
 * is a matter of timing, so a gate that failed on it would pass and fail the same code from run to run.
 *
 * <p>The rules, each behavioural, none keyed on a name of a program, framework or thread:
 * <ol>
 *   <li><b>before serving</b>: the wait began before its thread first read or wrote a connection the process
 *       accepted (or, for a loop whose socket I/O is asynchronous, such as an io_uring ring's, took the completion
 *       of a read or write of one whose accept completed). A thread that serves none itself (a poller that hands
 *       connections to workers) and a virtual thread (which lives for one connection or one request) take the
 *       process's first served connection instead. A thread that never serves, in a process that never serves, has no start-up to be in.</li>
 *   <li><b>bind or listen</b>: a frame of the stack is a {@code bind} or {@code listen} method: the loop sets up
 *       its server socket, once.</li>
 *   <li><b>first use</b>: what code does the first time it runs, it does while serving the first connection: on a
 *       thread that selects, within the iteration in which it served its first connection (no select of its own
 *       since); on one whose waits are not seen at the Java level, within {@link #FIRST_USE_ALLOWANCE_NANOS} of
 *       that first connection (as in the first rule, the process's for a virtual thread or a thread that serves
 *       none itself): the time a server on a loaded CI machine takes to run its first requests once.</li>
 * </ol>
 * Only waits for another thread count (a contended lock, a park, a wait, a pin): they are what timing decides. A
 * sleep or file, socket or host lookup takes its time whatever the other threads do, so it fails every run and
 * stays a finding. And a stack is start-up only when every one of its waits is: one that waits again later is
 * the steady state, with its first waits.
 */
final class StartUpWaits {
    /** How long after its first served connection a thread whose selects are not seen still warms up. */
    static final long FIRST_USE_ALLOWANCE_NANOS = 250_000_000L;
    private static final List<String> SETUP_METHODS = List.of("bind", "listen");

    private final LoopTimeline timeline;

    StartUpWaits(LoopTimeline timeline) {
        this.timeline = timeline;
    }

    /** Which rule makes this call a start-up wait, said for the report; null when none does. */
    String ruleFor(BlockingCall call) {
        BlockingKind kind = call.kind();
        if (kind != BlockingKind.MONITOR_ENTER && kind != BlockingKind.MONITOR_WAIT && kind != BlockingKind.PARK
                && kind != BlockingKind.PINNED) {
            return null;
        }
        for (Frame frame : call.stack().frames()) {
            if (SETUP_METHODS.contains(frame.method())) {
                return "bind or listen: on the server socket's set-up path (" + frame.qualifiedMethod() + ")";
            }
        }
        long ownFirst = call.virtualThread() ? Long.MAX_VALUE : timeline.firstServedConnection(call.threadId());
        boolean servesItself = ownFirst != Long.MAX_VALUE;
        long first = servesItself ? ownFirst : timeline.firstServedConnection();
        if (first == Long.MAX_VALUE) {
            return null;
        }
        long start = call.startEpochNanos();
        if (start < first) {
            return "before serving: " + Math.round((first - start) / 1e6) + " ms before "
                    + (servesItself ? "its thread" : "the process") + " served its first connection";
        }
        boolean selects = servesItself && timeline.selects(call.threadId());
        if (selects && timeline.selectsBetween(call.threadId(), first, start) == 0) {
            return "first use: in the loop iteration that served its first connection";
        }
        if (!selects && start - first <= FIRST_USE_ALLOWANCE_NANOS) {
            return "first use: " + Math.round((start - first) / 1e6) + " ms after "
                    + (servesItself ? "its thread" : "the process") + " served its first connection, within the "
                    + FIRST_USE_ALLOWANCE_NANOS / 1_000_000 + " ms allowance";
        }
        return null;
    }
}
