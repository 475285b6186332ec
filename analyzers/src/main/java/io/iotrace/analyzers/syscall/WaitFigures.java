package io.iotrace.analyzers.syscall;

/**
 * How long the calls of one syscall took ({@code -T} durations); percentiles are bucket bounds within 12.5%.
 *
 * @param timedCalls the calls the log gave a duration for; the times cover only these
 */
public record WaitFigures(String call, long calls, long failures, long timedCalls, long totalNanos, long p50Nanos,
                          long p99Nanos, long maxNanos) {
}
