package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;

import io.iotrace.analyzers.stats.LogHistogram;

/** What one thread's calls of one syscall added up to. */
final class SyscallStats {
    final String name;
    final SyscallCategory category;
    long calls;
    long failures;
    long bytes;
    long timedCalls;
    long totalNanos;
    long maxNanos;
    private LogHistogram histogram;

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
        }
        if (durationNanos != SyscallEvent.NO_TIME) {
            timedCalls++;
            totalNanos += durationNanos;
            maxNanos = Math.max(maxNanos, durationNanos);
            if (histogram == null) {
                histogram = new LogHistogram();
            }
            histogram.record(durationNanos);
        }
    }

    void addAll(SyscallStats other) {
        calls += other.calls;
        failures += other.failures;
        bytes += other.bytes;
        timedCalls += other.timedCalls;
        totalNanos += other.totalNanos;
        maxNanos = Math.max(maxNanos, other.maxNanos);
        if (other.histogram != null) {
            if (histogram == null) {
                histogram = new LogHistogram();
            }
            histogram.add(other.histogram);
        }
    }

    WaitFigures waitFigures() {
        long p50 = histogram == null ? 0 : Math.min(maxNanos, histogram.percentile(50));
        long p99 = histogram == null ? 0 : Math.min(maxNanos, histogram.percentile(99));
        return new WaitFigures(name, calls, failures, timedCalls, totalNanos, p50, p99, maxNanos);
    }
}
