package io.iotrace.analyzers.summary;

import io.iotrace.analyzers.event.SummarySnapshot;

/**
 * One kind of call's figures between two snapshots (or from the agent's start to a snapshot).
 *
 * @param fromNanos {@code System.nanoTime()} of the traced JVM where the interval begins
 * @param toNanos   where it ends
 */
record Interval(long fromNanos, long toNanos, long count, long bytes, long copiedBytes, long nanos,
                       long[] buckets) {

    /** What {@code to} adds to {@code from} (null: nothing yet). */
    static Interval between(long fromNanos, long toNanos, SummarySnapshot.Cell from, SummarySnapshot.Cell to) {
        long[] buckets = to.buckets().clone();
        if (from != null) {
            for (int b = 0; b < buckets.length; b++) {
                buckets[b] -= from.buckets()[b];
            }
        }
        return new Interval(fromNanos, toNanos, to.count() - (from == null ? 0 : from.count()),
                to.bytes() - (from == null ? 0 : from.bytes()),
                to.copiedBytes() - (from == null ? 0 : from.copiedBytes()),
                to.nanos() - (from == null ? 0 : from.nanos()), buckets);
    }

    /** The upper bound of the histogram bucket that holds the call at rank ⌈p/100 × count⌉; 0 without calls. */
    long percentileNanos(double p) {
        long rank = (long) Math.ceil(p / 100 * count);
        long seen = 0;
        for (int b = 0; b < buckets.length; b++) {
            seen += buckets[b];
            if (seen >= rank && seen > 0) {
                return SummarySnapshot.bucketUpperNanos(b);
            }
        }
        return 0;
    }

    long p99Nanos() {
        return percentileNanos(99);
    }
}
