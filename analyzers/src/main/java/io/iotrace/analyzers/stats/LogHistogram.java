package io.iotrace.analyzers.stats;

import java.util.Arrays;

/**
 * A histogram of non-negative durations in log-spaced buckets: fixed size, no dependency.
 *
 * <p>Values below 32 are kept exactly; above, each power of two is split into 32 buckets, so a percentile is at
 * most 1/32 (about 3%) above the true value. Count, total, min and max are exact. Bucket rows are allocated on
 * first use, so a histogram of waits that all fall within a few powers of two costs a few hundred bytes.
 */
public final class LogHistogram {

    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Row 0 holds 0..31 exactly; row r ≥ 1 holds [2^(r+4), 2^(r+5)). */
    private static final int ROWS = 64 - SUB_BITS;

    private final long[][] rows = new long[ROWS][];
    private long count;
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    public void record(long value) {
        long v = Math.max(0, value);
        int row = rowOf(v);
        long[] buckets = rows[row];
        if (buckets == null) {
            buckets = new long[SUB_BUCKETS];
            rows[row] = buckets;
        }
        buckets[subBucketOf(v, row)]++;
        count++;
        total += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    public long count() {
        return count;
    }

    public long total() {
        return total;
    }

    /** The smallest value recorded, 0 when empty. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    public long max() {
        return max;
    }

    /**
     * The nearest-rank percentile: the value at rank ⌈p/100 × count⌉ of the sorted values, rounded up to its
     * bucket's upper bound and clamped to [min, max]; 0 when empty.
     */
    public long percentile(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100, was " + p);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        long seen = 0;
        for (int row = 0; row < ROWS; row++) {
            long[] buckets = rows[row];
            if (buckets == null) {
                continue;
            }
            for (int sub = 0; sub < SUB_BUCKETS; sub++) {
                seen += buckets[sub];
                if (seen >= rank) {
                    return Math.max(min, Math.min(max, upperBound(row, sub)));
                }
            }
        }
        return max;
    }

    /** Adds all values of another histogram to this one. */
    public void add(LogHistogram other) {
        for (int row = 0; row < ROWS; row++) {
            long[] theirs = other.rows[row];
            if (theirs == null) {
                continue;
            }
            if (rows[row] == null) {
                rows[row] = Arrays.copyOf(theirs, SUB_BUCKETS);
            } else {
                for (int sub = 0; sub < SUB_BUCKETS; sub++) {
                    rows[row][sub] += theirs[sub];
                }
            }
        }
        if (other.count > 0) {
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
        count += other.count;
        total += other.total;
    }

    private static int rowOf(long v) {
        if (v < SUB_BUCKETS) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        return exponent - SUB_BITS + 1;
    }

    private static int subBucketOf(long v, int row) {
        if (row == 0) {
            return (int) v;
        }
        int exponent = row + SUB_BITS - 1;
        return (int) ((v >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
    }

    private static long upperBound(int row, int sub) {
        if (row == 0) {
            return sub;
        }
        int exponent = row + SUB_BITS - 1;
        int shift = exponent - SUB_BITS;
        long lower = (1L << exponent) + ((long) sub << shift);
        return lower + (1L << shift) - 1;
    }
}
