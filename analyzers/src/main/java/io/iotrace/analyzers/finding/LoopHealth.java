package io.iotrace.analyzers.finding;

/**
 * How an event loop spent its time: iterations between selector returns, and the shares of waiting, working and
 * blocked time.
 *
 * @param threadId      {@code Thread.getId()}
 * @param name          the thread's name
 * @param reason        why it is taken for an event loop
 * @param iterations    loop iterations seen (selector return to the next select call); 0 when its waits are
 *                      invisible at the Java level
 * @param p50Nanos      median iteration time
 * @param p99Nanos      99th percentile iteration time
 * @param maxNanos      the longest iteration: the worst stall
 * @param waitingShare  share of the loop's time spent waiting in the selector or, as a pool thread between tasks, for
 *                      work
 * @param workingShare  share spent running, neither waiting nor blocked
 * @param blockedShare  share spent in blocking calls (the findings on this thread)
 */
public record LoopHealth(long threadId, String name, String reason, long iterations, long p50Nanos, long p99Nanos,
                         long maxNanos, double waitingShare, double workingShare, double blockedShare) {
}
