package io.iotrace.cli.classification;

import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a server (one that follows the fixtures' protocol: {@code LISTENING <port>}, stops at the end of its standard
 * input) under the real agent while a load runs against it, stops it and returns the report of its recording.
 */
final class TracedServer {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Small on purpose: the classification needs a few hundred calls, not a benchmark. */
    static final int CONNECTIONS = 3;
    static final int ROUND_TRIPS = 100;

    /** Drives the server listening on a port on 127.0.0.1 and returns when the load is done. */
    interface Load {
        void drive(int port) throws Exception;
    }

    private TracedServer() {
    }

    static ProcessReport report(ChildJava server, Load load) throws Exception {
        try (RunningJava running = server.start()) {
            int port = running.awaitListeningPort();
            load.drive(port);
            running.closeStdin();
            running.awaitSuccess(TIMEOUT);
            return Recorded.analyze(running.recording());
        }
    }

    /** The fixtures' {@link LoadDriver} in its own JVM, untraced: K connections × N round trips of 64 bytes. */
    static Load loadDriver(TargetJdk jdk) {
        return port -> {
            try (RunningJava driver = driver(jdk, port).start()) {
                driver.awaitSuccess(TIMEOUT);
            }
        };
    }

    /** The {@link LoadDriver} command against a port, for tracing it or not. */
    static ChildJava driver(TargetJdk jdk, int port) {
        return ChildJava.on(jdk).main(LoadDriver.class).args("--port", String.valueOf(port),
                "--connections", String.valueOf(CONNECTIONS), "--round-trips", String.valueOf(ROUND_TRIPS),
                "--size", "64", "--timeout-seconds", "50");
    }

    static ChildJava traced(TargetJdk jdk, Path recordings, Class<?> main, String... args) {
        return ChildJava.on(jdk).traced(recordings).main(main).args(args);
    }
}
