package io.iotrace.analyzers.report;

import io.iotrace.analyzers.stats.CallStats;
import io.iotrace.analyzers.stats.LogHistogram;
import io.iotrace.analyzers.stats.WaitKind;

/**
 * Calls of one kind and the time the blocking ones waited (for {@code wouldBlock}: the time non-blocking calls
 * spent finding nothing).
 *
 * @param kind             read, write, accept, connect, select, transfer, asyncCompletion or wouldBlock
 * @param calls            calls of this kind
 * @param nonBlockingCalls of which in non-blocking mode
 * @param wouldBlock       non-blocking calls that moved nothing
 * @param bytes            bytes moved
 * @param waits            calls whose duration counts as a wait (the blocking ones)
 * @param totalNanos       their total duration
 * @param p50Nanos         median (at most 3% above the true value)
 * @param p99Nanos         99th percentile (at most 3% above the true value)
 * @param maxNanos         the longest, exact
 */
public record WaitReport(WaitKind kind, long calls, long nonBlockingCalls, long wouldBlock, long bytes, long waits,
                         long totalNanos, long p50Nanos, long p99Nanos, long maxNanos) {

    static WaitReport of(WaitKind kind, CallStats stats) {
        LogHistogram h = stats.waits();
        return new WaitReport(kind, stats.calls(), stats.nonBlockingCalls(), stats.wouldBlock(), stats.bytes(),
                h.count(), h.total(), h.percentile(50), h.percentile(99), h.max());
    }
}
