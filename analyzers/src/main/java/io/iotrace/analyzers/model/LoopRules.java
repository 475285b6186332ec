package io.iotrace.analyzers.model;

/**
 * The thresholds that tell a spinning poller and a serving event loop from the rest, whatever the source: a
 * recording counts selects and found-nothing calls, a syscall log readiness waits and EAGAIN results, and both ask
 * these questions of their counts.
 */
public final class LoopRules {
    /**
     * Fewer retries than this are a drained channel or a race; a worker that finds a channel empty once and then
     * waits for its selector thread never retries.
     */
    private static final int MIN_RETRIES_FOR_POLLING = 3;
    /** A poller retries many times per wait, if it waits at all; a loop that checks an idle socket twice does not. */
    private static final int RETRIES_PER_WAIT_FOR_POLLING = 10;
    /** One wait is a selector opened in passing (start-up, a client), not a loop that serves. */
    private static final int MIN_WAITS_FOR_A_LOOP = 2;

    private LoopRules() {
    }

    /**
     * True when a thread spins: {@code retries} found-nothing calls (or EAGAIN results) came right after another
     * with no wait between, many times per readiness wait.
     */
    public static boolean spins(long retries, long readinessWaits) {
        return retries >= MIN_RETRIES_FOR_POLLING && retries >= RETRIES_PER_WAIT_FOR_POLLING * readinessWaits;
    }

    /**
     * A loop that reads each ready channel in blocking mode (the JDK HttpServer's dispatcher) waits once per
     * request and reads two or three times after each wait (2.4 on average, measured); a thread that blocks in its
     * reads waits rarely if ever.
     */
    private static final int BLOCKING_READS_PER_WAIT = 4;

    /**
     * True when a thread's blocking reads follow its readiness waits: it reads what its selector found ready. Counts,
     * not times: a wait's or a read's duration changes with the load, a verdict must not.
     */
    public static boolean readsWhatItWaitedFor(long readinessWaits, long blockingReads) {
        return readinessWaits * BLOCKING_READS_PER_WAIT >= blockingReads;
    }

    /**
     * An accept loop finds about one descriptor ready per accept (a poll that returns its listening socket, now and
     * then a spurious wake-up); a loop that watches the connections too finds one per request, many per connection.
     */
    private static final int READY_PER_ACCEPT_FOR_A_WATCHER = 2;

    /** True when a loop finds more ready than its listening socket gives: it watches connections too. */
    public static boolean watchesConnections(long readyResults, long accepts) {
        return readyResults > READY_PER_ACCEPT_FOR_A_WATCHER * accepts;
    }

    /** True when a thread waited for readiness often enough to be a loop. */
    public static boolean waitsLikeALoop(long readinessWaits) {
        return readinessWaits >= MIN_WAITS_FOR_A_LOOP;
    }

    /**
     * As {@link #waitsLikeALoop(long)}, or a thread that waited once in a selector of its own and did its network
     * I/O in non-blocking mode: a loop that a short or starved run gave one wait (a child loop handed a connection
     * late), not a worker, which never waits for readiness itself.
     */
    public static boolean waitsLikeALoop(long readinessWaits, long nonBlockingNetworkCalls) {
        return waitsLikeALoop(readinessWaits) || readinessWaits > 0 && nonBlockingNetworkCalls > 0;
    }
}
