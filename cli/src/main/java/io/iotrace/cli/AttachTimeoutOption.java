package io.iotrace.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The {@code --timeout} option of every command that attaches to a running JVM. Its default leaves room for a
 * busy JVM: the agent's start instruments JDK classes on the target's own CPU time, about 1.5 s on an idle 2-core
 * machine and over 10 s at a load average of 30, when a shorter limit gave up on attaches that were succeeding.
 */
public final class AttachTimeoutOption {
    @Option(names = "--timeout", converter = Durations.class, defaultValue = "30s", paramLabel = "TIME",
            description = "give up when the JVM does not answer an attach request within TIME, e.g. 5s or 1m"
                    + " (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    public Duration timeout() {
        return timeout;
    }
}
