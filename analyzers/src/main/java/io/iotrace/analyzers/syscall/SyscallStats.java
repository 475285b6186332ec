package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.report.SyscallFigures;
import io.iotrace.analyzers.stats.LogHistogram;

/**
 * What one thread's calls of one syscall added up to. The first few durations are kept as they are and go into a
 * histogram only when more come: most of a short-lived thread's syscalls are made once or twice, and a histogram
 * each was most of what such a thread cost. The figures are the same either way: the histogram is built from them.
 */
final class SyscallStats {
    /** Durations kept as they are before a histogram is made. */
    private static final int FEW = 4;

    final String name;
    final SyscallCategory category;
    long calls;
    long failures;
    long bytes;
    /** Calls that moved at least one byte: each is one copy between kernel and user space (or a zero-copy move). */
    long movingCalls;
    long timedCalls;
    long totalNanos;
    long maxNanos;
    private LogHistogram histogram;
    /** The durations while there are at most {@link #FEW} and no histogram, in {@code few[0..fewCount)}. */
    private long[] few;
    private int fewCount;

    SyscallStats(String name) {
        this.name = name;
        this.category = SyscallCategory.of(name);
    }

    void record(boolean failed, long result, boolean noResult, long durationNanos) {
        calls++;
        if (failed) {
            failures++;
        } else if (category.movesData() && result > 0 && !noResult) {
            bytes += result;
            movingCalls++;
        }
        if (durationNanos != SyscallEvent.NO_TIME) {
            timedCalls++;
            totalNanos += durationNanos;
            maxNanos = Math.max(maxNanos, durationNanos);
            recordDuration(durationNanos);
        }
    }

    private void recordDuration(long durationNanos) {
        if (histogram != null) {
            histogram.record(durationNanos);
            return;
        }
        if (few == null) {
            few = new long[FEW];
        }
        if (fewCount < FEW) {
            few[fewCount++] = durationNanos;
            return;
        }
        histogram = histogramOfFew();
        few = null;
        fewCount = 0;
        histogram.record(durationNanos);
    }

    private LogHistogram histogramOfFew() {
        LogHistogram built = new LogHistogram();
        for (int i = 0; i < fewCount; i++) {
            built.record(few[i]);
        }
        return built;
    }

    void addAll(SyscallStats other) {
        calls += other.calls;
        failures += other.failures;
        bytes += other.bytes;
        movingCalls += other.movingCalls;
        timedCalls += other.timedCalls;
        totalNanos += other.totalNanos;
        maxNanos = Math.max(maxNanos, other.maxNanos);
        if (other.timedCalls == 0) {
            return;
        }
        if (histogram == null) {
            // Only a group of finished threads, or a report's sum, adds up others: its histogram records nothing of
            // its own, so it stays compact. Recording the other's few durations one by one expanded it to rows of
            // 32 buckets, which were most of the heap a long log's thread groups held (64 MB at 4 GiB).
            histogram = histogramOfFew();
            histogram.compact();
            few = null;
            fewCount = 0;
        }
        histogram.add(other.durations());
    }

    /** The thread is done: its histogram shrinks to its non-empty buckets ({@link LogHistogram#compact}). */
    void compact() {
        if (histogram != null) {
            histogram.compact();
        }
    }

    /** The timed calls' durations. */
    LogHistogram durations() {
        return histogram != null ? histogram : histogramOfFew();
    }

    SyscallFigures figures() {
        LogHistogram durations = durations();
        long p50 = timedCalls == 0 ? 0 : Math.min(maxNanos, durations.percentile(50));
        long p99 = timedCalls == 0 ? 0 : Math.min(maxNanos, durations.percentile(99));
        return new SyscallFigures(name, calls, failures, timedCalls, totalNanos, p50, p99, maxNanos);
    }
}
