package io.iotrace.cli.attach;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.LoadDriver;
import java.time.Duration;

/** What the attach tests share: driving a server. */
final class Attaching {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final int CONNECTIONS = 2;
    static final int ROUND_TRIPS = 200;
    static final int SIZE = 64;

    private Attaching() {
    }

    /** Runs the load driver against {@code port} to its end. */
    static void drive(TargetJdk jdk, int port, int connections, int roundTrips) throws Exception {
        try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", Integer.toString(port),
                "--connections", Integer.toString(connections), "--round-trips", Integer.toString(roundTrips),
                "--size", Integer.toString(SIZE)).start()) {
            driver.awaitSuccess(TIMEOUT);
        }
    }
}
