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

    /** Bits of a packed entry that hold the count; the bucket ({@code row * 32 + sub}) is above them. */
    private static final int COUNT_BITS = 48;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    /** The buckets while the histogram records, or null once {@link #compact compacted}. */
    private long[][] rows = new long[ROWS][];
    /** Once compacted: the non-empty buckets in order, each {@code bucket << 48 | count}, in {@code [0, packedSize)}. */
    private long[] packed;
    private int packedSize;
    private long count;
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    public void record(long value) {
        if (rows == null) {
            expand();
        }
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
        if (rows == null) {
            for (int i = 0; i < packedSize; i++) {
                seen += packed[i] & COUNT_MASK;
                if (seen >= rank) {
                    int bucket = (int) (packed[i] >>> COUNT_BITS);
                    return Math.max(min, Math.min(max, upperBound(bucket / SUB_BUCKETS, bucket % SUB_BUCKETS)));
                }
            }
            return max;
        }
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

    /**
     * Keeps only the non-empty buckets, for a histogram that is done recording and is kept to be added up or
     * asked for percentiles: a row of 32 buckets is allocated whole when one value falls in it, so a histogram of
     * waits spread over ten powers of two holds about 3 KB where its non-empty buckets need a few hundred bytes.
     * The figures are the same; recording again expands it.
     */
    public void compact() {
        if (rows == null) {
            return;
        }
        int nonEmpty = 0;
        for (long[] buckets : rows) {
            if (buckets != null) {
                for (long n : buckets) {
                    nonEmpty += n != 0 ? 1 : 0;
                }
            }
        }
        packed = new long[nonEmpty];
        packedSize = 0;
        for (int row = 0; row < ROWS; row++) {
            long[] buckets = rows[row];
            if (buckets != null) {
                for (int sub = 0; sub < SUB_BUCKETS; sub++) {
                    if (buckets[sub] != 0) {
                        packed[packedSize++] = (long) (row * SUB_BUCKETS + sub) << COUNT_BITS | buckets[sub];
                    }
                }
            }
        }
        rows = null;
    }

    private void expand() {
        rows = new long[ROWS][];
        for (int i = 0; i < packedSize; i++) {
            int bucket = (int) (packed[i] >>> COUNT_BITS);
            long[] buckets = rows[bucket / SUB_BUCKETS];
            if (buckets == null) {
                buckets = new long[SUB_BUCKETS];
                rows[bucket / SUB_BUCKETS] = buckets;
            }
            buckets[bucket % SUB_BUCKETS] = packed[i] & COUNT_MASK;
        }
        packed = null;
        packedSize = 0;
    }

    /** Adds all values of another histogram to this one; a compacted one stays compact. */
    public void add(LogHistogram other) {
        if (rows == null) {
            addCompact(other);
        } else if (other.rows == null) {
            for (int i = 0; i < other.packedSize; i++) {
                int bucket = (int) (other.packed[i] >>> COUNT_BITS);
                long[] buckets = rows[bucket / SUB_BUCKETS];
                if (buckets == null) {
                    buckets = new long[SUB_BUCKETS];
                    rows[bucket / SUB_BUCKETS] = buckets;
                }
                buckets[bucket % SUB_BUCKETS] += other.packed[i] & COUNT_MASK;
            }
        } else {
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
        }
        if (other.count > 0) {
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
        count += other.count;
        total += other.total;
    }

    /** Merges the other's non-empty buckets, in order, into this compacted one's. */
    private void addCompact(LogHistogram other) {
        LogHistogram theirs = other;
        if (other.rows != null) {
            // A view of the other's buckets, compacted; the other keeps its rows.
            theirs = new LogHistogram();
            theirs.rows = other.rows;
            theirs.compact();
        }
        long[] merged = new long[packedSize + theirs.packedSize];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < packedSize || j < theirs.packedSize) {
            long mine = i < packedSize ? packed[i] >>> COUNT_BITS : Long.MAX_VALUE;
            long their = j < theirs.packedSize ? theirs.packed[j] >>> COUNT_BITS : Long.MAX_VALUE;
            if (mine == their) {
                merged[n++] = packed[i++] + (theirs.packed[j++] & COUNT_MASK);
            } else if (mine < their) {
                merged[n++] = packed[i++];
            } else {
                merged[n++] = theirs.packed[j++];
            }
        }
        packed = n == merged.length ? merged : Arrays.copyOf(merged, n);
        packedSize = n;
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
