package io.iotrace.analyzers.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogHistogramTest {

    private static long nearestRank(long[] sorted, double p) {
        int rank = (int) Math.max(1, Math.ceil(p / 100 * sorted.length));
        return sorted[rank - 1];
    }

    @Test
    void percentilesLieWithinOneThirtySecondAboveTheSortedArraysValue() {
        Random random = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(5000);
            long[] values = new long[n];
            LogHistogram h = new LogHistogram();
            for (int i = 0; i < n; i++) {
                values[i] = (long) Math.exp(random.nextDouble() * Math.log(5e10));
                h.record(values[i]);
            }
            Arrays.sort(values);
            for (double p : new double[]{0, 1, 25, 50, 90, 99, 99.9, 100}) {
                long exact = nearestRank(values, p);
                long estimate = h.percentile(p);
                assertTrue(estimate >= exact && estimate <= exact + exact / 32,
                        "p" + p + " of " + n + " values: exact " + exact + ", histogram " + estimate);
            }
            assertEquals(values[0], h.min());
            assertEquals(values[n - 1], h.max());
            assertEquals(Arrays.stream(values).sum(), h.total());
            assertEquals(n, h.count());
        }
    }

    /** Compacted, alone or merged either way, a histogram gives every figure the recording one gives. */
    @Test
    void aCompactedHistogramGivesTheSameFigures() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            LogHistogram whole = new LogHistogram();
            LogHistogram compacted = new LogHistogram();
            LogHistogram recordingInto = new LogHistogram();
            for (int part = 0; part < 4; part++) {
                LogHistogram piece = new LogHistogram();
                int n = random.nextInt(300);
                for (int i = 0; i < n; i++) {
                    long value = (long) Math.exp(random.nextDouble() * Math.log(5e10));
                    whole.record(value);
                    piece.record(value);
                }
                if (part % 2 == 0) {
                    piece.compact();
                }
                compacted.add(piece);
                compacted.compact();
                recordingInto.add(piece);
            }
            recordingInto.record(12_345);
            whole.record(12_345);
            compacted.record(12_345);
            for (LogHistogram other : new LogHistogram[]{compacted, recordingInto}) {
                for (double p : new double[]{0, 1, 25, 50, 90, 99, 99.9, 100}) {
                    assertEquals(whole.percentile(p), other.percentile(p), "p" + p);
                }
                assertEquals(whole.count(), other.count());
                assertEquals(whole.total(), other.total());
                assertEquals(whole.min(), other.min());
                assertEquals(whole.max(), other.max());
            }
        }
    }

    @Test
    void valuesBelowThirtyTwoAreKeptExactly() {
        LogHistogram h = new LogHistogram();
        long[] values = {3, 7, 7, 12, 31, 0, 19};
        for (long v : values) {
            h.record(v);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double p : new double[]{10, 30, 50, 70, 90, 100}) {
            assertEquals(nearestRank(sorted, p), h.percentile(p), "p" + p);
        }
    }

    @Test
    void anEmptyHistogramReportsZeros() {
        LogHistogram h = new LogHistogram();
        assertEquals(0, h.percentile(99));
        assertEquals(0, h.min());
        assertEquals(0, h.max());
        assertEquals(0, h.count());
    }

    @Test
    void addingTwoHistogramsGivesThePercentilesOfAllTheirValues() {
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        LogHistogram all = new LogHistogram();
        for (long v = 1; v <= 1000; v++) {
            (v % 3 == 0 ? a : b).record(v * 977);
            all.record(v * 977);
        }
        a.add(b);
        assertEquals(all.count(), a.count());
        assertEquals(all.total(), a.total());
        assertEquals(all.percentile(50), a.percentile(50));
        assertEquals(all.percentile(99), a.percentile(99));
        assertEquals(977_000, a.max());
        assertEquals(977, a.min());
    }
}
