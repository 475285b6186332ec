package io.iotrace.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --timeout} option of every command that attaches to a running JVM. */
public final class AttachTimeoutOption {
    @Option(names = "--timeout", converter = Durations.class, defaultValue = "10s", paramLabel = "TIME",
            description = "give up when the JVM does not answer an attach request within TIME, e.g. 5s or 1m"
                    + " (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    public Duration timeout() {
        return timeout;
    }
}
