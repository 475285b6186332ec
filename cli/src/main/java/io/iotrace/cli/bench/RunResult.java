package io.iotrace.cli.bench;

/**
 * What one server run measured over the measured pass.
 *
 * @param cpuNanos      the server process's user + system CPU time over the measured pass
 * @param wholeCpuNanos the server process's CPU time from its start to the end of the measured pass: JVM and
 *                      agent start-up, warm-up and measured pass
 * @param wholeRoundTrips round trips of the warm-up and the measured pass
 * @param wallNanos     wall-clock time of the measured pass
 * @param roundTrips    round trips in the measured pass
 * @param recordedCalls calls the agent recorded in the measured pass (0 untraced)
 * @param dropped       events the agent dropped over the whole run (0 untraced)
 * @param recordingBytes size of the recording of the whole run (0 untraced)
 * @param allRecordedCalls calls in the recording of the whole run (0 untraced)
 * @param summarizedCalls calls the agent's last summary of the whole run counts (0 untraced)
 */
record RunResult(long cpuNanos, long wholeCpuNanos, long wholeRoundTrips, long wallNanos, long roundTrips,
                 long recordedCalls, long dropped, long recordingBytes, long allRecordedCalls,
                 long summarizedCalls) {

    /** Bytes of recording on disk per recorded call, everything in the file included; NaN untraced. */
    double bytesPerRecordedCall() {
        return allRecordedCalls == 0 ? Double.NaN : (double) recordingBytes / allRecordedCalls;
    }

    /** Bytes of recording on disk per call the summaries count; NaN untraced. */
    double bytesPerSummarizedCall() {
        return summarizedCalls == 0 ? Double.NaN : (double) recordingBytes / summarizedCalls;
    }

    double cpuNanosPerRoundTrip() {
        return (double) cpuNanos / roundTrips;
    }

    double wholeCpuNanosPerRoundTrip() {
        return (double) wholeCpuNanos / wholeRoundTrips;
    }

    double roundTripsPerSecond() {
        return roundTrips * 1e9 / wallNanos;
    }
}
