package io.iotrace.cli.lint;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingInLoopServer;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a selector-loop fixture ({@link BlockingInLoopServer}, {@link io.iotrace.fixtures.BlockHoundScenarioServer})
 * under the agent with {@code blocking=true}, drives it, and stops it.
 */
final class LintedFixture {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private LintedFixture() {
    }

    /** The recording of one server that did {@code block} on 2 connections × 25 round trips; its .jfr is beside it. */
    static Path record(TargetJdk jdk, String block, Path directory) throws Exception {
        return record(jdk, BlockingInLoopServer.class, directory, "--block", block);
    }

    /** The same for any of the loop fixtures, given its arguments. */
    static Path record(TargetJdk jdk, Class<?> fixture, Path directory, String... args) throws Exception {
        return record(jdk, fixture, directory, List.of(), args);
    }

    /** The same with more agent options ({@code blockingMethods=...}). */
    static Path record(TargetJdk jdk, Class<?> fixture, Path directory, List<String> agentOptions, String... args)
            throws Exception {
        ChildJava child = ChildJava.on(jdk).traced(directory).agentOption("blocking=true");
        agentOptions.forEach(child::agentOption);
        try (RunningJava server = child.main(fixture).args(args).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class)
                    .args("--port", Integer.toString(port), "--connections", "2", "--round-trips", "25").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            return server.recording();
        }
    }
}
