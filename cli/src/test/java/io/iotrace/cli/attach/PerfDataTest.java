package io.iotrace.cli.attach;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.BlockingEchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The perf data file of real JVMs, read as the attach reads it before it connects. */
class PerfDataTest {

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aJvmPublishesItsVersionCommandAndThatItAcceptsAttach(TargetJdk jdk) throws Exception {
        try (RunningJava server = ChildJava.on(jdk).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();

            PerfData published = PerfData.of(ProcessFacts.of(server.pid()).orElseThrow()).orElseThrow();

            assertEquals(jdk.javaVersion(), published.javaVersion().orElseThrow());
            assertTrue(published.command().orElseThrow().startsWith(BlockingEchoServer.class.getName()),
                    published.command().orElseThrow());
            assertTrue(published.acceptsAttach());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aJvmWithAttachDisabledSaysSo(TargetJdk jdk) throws Exception {
        try (RunningJava server = ChildJava.on(jdk).jvmOption("-XX:+DisableAttachMechanism")
                .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();

            assertFalse(PerfData.of(ProcessFacts.of(server.pid()).orElseThrow()).orElseThrow().acceptsAttach());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aJvmWithoutPerfDataPublishesNothing(TargetJdk jdk) throws Exception {
        try (RunningJava server = ChildJava.on(jdk).jvmOption("-XX:-UsePerfData")
                .main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();

            assertEquals(Optional.empty(), PerfData.of(ProcessFacts.of(server.pid()).orElseThrow()));
        }
    }

    @Test
    void aFileCutShortOrForeignIsNoPerfData() throws Exception {
        try (RunningJava server = ChildJava.on(TargetJdk.jdk17()).main(BlockingEchoServer.class).start()) {
            server.awaitListeningPort();
            ProcessFacts facts = ProcessFacts.of(server.pid()).orElseThrow();
            byte[] whole = Files.readAllBytes(Path.of("/proc", Long.toString(facts.pid()), "root", "tmp",
                    "hsperfdata_" + facts.user(), Long.toString(facts.namespacePid())));
            assertTrue(PerfData.parse(whole).isPresent());

            for (int length : new int[] {0, 16, 40, 200, 4000}) {
                assertEquals(Optional.empty(), PerfData.parse(Arrays.copyOf(whole, length)), "cut to " + length);
            }
            assertEquals(Optional.empty(), PerfData.parse("#!/bin/sh\necho not perf data\n".getBytes(UTF_8)));
        }
    }
}
