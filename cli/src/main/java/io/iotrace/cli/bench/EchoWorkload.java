package io.iotrace.cli.bench;

/**
 * The load the benchmark puts on the echo server: a warm-up pass, so that the JIT has compiled the echo loop and
 * the agent's hot path, then the measured pass; each pass is {@code connections} threads doing
 * {@code roundTrips} round trips of {@code size} bytes.
 */
record EchoWorkload(int connections, int warmUpRoundTrips, int roundTrips, int size, int timeoutSeconds) {

    long measuredRoundTrips() {
        return (long) connections * roundTrips;
    }

    long wholeRoundTrips() {
        return (long) connections * (warmUpRoundTrips + roundTrips);
    }

    String describe() {
        return connections + " connections x " + roundTrips + " round trips x " + size + " bytes, after "
                + connections + " x " + warmUpRoundTrips + " warm-up round trips";
    }
}
