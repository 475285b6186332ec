package io.iotrace.cli.bench;

/** One untraced run and the traced run that followed it, and how they compare. */
record PairResult(RunResult untraced, RunResult traced) {

    /** Traced server CPU per round trip over untraced: the figure the agent is judged by. */
    double cpuRatio() {
        return traced.cpuNanosPerRoundTrip() / untraced.cpuNanosPerRoundTrip();
    }

    /** Like {@link #cpuRatio} over the whole run: JVM and agent start-up and warm-up included. */
    double wholeRunCpuRatio() {
        return traced.wholeCpuNanosPerRoundTrip() / untraced.wholeCpuNanosPerRoundTrip();
    }

    /** Traced round trips per second over untraced. */
    double throughputRatio() {
        return traced.roundTripsPerSecond() / untraced.roundTripsPerSecond();
    }

    /** Server CPU the agent added, spread over the calls it recorded; NaN when it recorded none. */
    double addedNanosPerCall() {
        if (traced.recordedCalls() == 0) {
            return Double.NaN;
        }
        double added = (traced.cpuNanosPerRoundTrip() - untraced.cpuNanosPerRoundTrip()) * traced.roundTrips();
        return added / traced.recordedCalls();
    }
}
