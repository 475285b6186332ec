package io.iotrace.analyzers.report;

/**
 * A syscall log's figures for one syscall: how often it was made and how long it took ({@code -T} durations;
 * percentiles are bucket bounds within 12.5%). A recording has none: the agent sees Java calls.
 *
 * @param timedCalls the calls the log gave a duration for; the times cover only these
 */
public record SyscallFigures(String call, long calls, long failures, long timedCalls, long totalNanos, long p50Nanos,
                             long p99Nanos, long maxNanos) {
}
