package io.iotrace.analyzers.syscall;

/**
 * Counts durations in log-linear buckets (8 per power of two, so a percentile is off by at most 12.5%) in fixed
 * memory, whatever the number of calls.
 */
final class DurationHistogram {
    private static final int SUB_BUCKET_BITS = 3;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

    private final long[] counts = new long[64 * SUB_BUCKETS];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    void addAll(DurationHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The upper bound of the bucket holding the given fraction (0..1] of the calls, 0 when empty. */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length - 1);
    }

    private static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (magnitude - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return (magnitude - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + sub;
    }

    private static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int magnitude = index / SUB_BUCKETS + SUB_BUCKET_BITS - 1;
        int sub = index % SUB_BUCKETS;
        long lower = (1L << magnitude) + ((long) sub << (magnitude - SUB_BUCKET_BITS));
        return lower + (1L << (magnitude - SUB_BUCKET_BITS)) - 1;
    }
}
