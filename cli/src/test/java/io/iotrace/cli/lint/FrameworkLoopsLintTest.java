package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.LoopLint;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.LoadDriver;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loops of code nobody here wrote, traced on JDK 17 and 25: Netty's NIO event loops, Reactor Netty's on the native epoll
 * transport (whose waits and socket I/O are made through JNI) and the JDK HttpServer's dispatcher.
 */
class FrameworkLoopsLintTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path recordings;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aNettyEchoServerGivesNoFinding(TargetJdk jdk) throws Exception {
        ProcessLint lint = LoopLint.analyze(nettyEcho(jdk), null, List.of());

        assertEquals(List.of(), lint.findings());
        assertFalse(lint.loops().isEmpty(), "Netty's loops are recognized");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aNettyHandlerThatSleepsGivesExactlyThatFindingOnItsLoopThreads(TargetJdk jdk) throws Exception {
        ProcessLint lint = LoopLint.analyze(nettyEcho(jdk, "--sleep"), null, List.of());

        assertEquals(1, lint.findings().size(), lint.findings().toString());
        Finding sleep = lint.findings().get(0);
        assertEquals(BlockingKind.SLEEP, sleep.kind());
        assertEquals(NettyLintMain.class.getName() + "$Echo.channelRead", sleep.topApplicationFrame().qualifiedMethod());
        assertTrue(sleep.threads().stream().allMatch(t -> t.matches("multiThreadIoEventLoopGroup-\\d+-\\d+")),
                sleep.threads().toString());
        assertEquals(2 * 20, sleep.count());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void theJdkHttpServerDispatcherReadingAFileIsAFileReadFinding(TargetJdk jdk) throws Exception {
        Path recording;
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).agentOption("blocking=true")
                .main(HttpServerFileReadMain.class).start()) {
            int port = server.awaitListeningPort();
            for (int i = 0; i < 5; i++) {
                HttpURLConnection get = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
                try (InputStream in = get.getInputStream()) {
                    in.readAllBytes();
                }
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            recording = server.recording();
        }

        ProcessLint lint = LoopLint.analyze(recording, null, List.of());

        Finding read = lint.findings().stream().filter(f -> f.kind() == BlockingKind.FILE_READ).findFirst()
                .orElseThrow(() -> new AssertionError("no file read: " + lint.findings()));
        assertEquals(List.of("HTTP-Dispatcher"), read.threads());
        assertEquals(HttpServerFileReadMain.class.getName() + ".servePage", read.topApplicationFrame().qualifiedMethod());
        assertTrue(read.resource().contains("iotrace-page"), read.resource());
        assertTrue(read.count() >= 5, read.toString());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void aReactorNettyHandlerReadingAFileOnItsNativeEpollLoopIsAFileReadFindingWithItsStack(TargetJdk jdk)
            throws Exception {
        ProcessLint lint = LoopLint.analyze(reactorNetty(jdk, "--read-file"), null, List.of());

        Finding read = lint.findings().stream().filter(f -> f.kind() == BlockingKind.FILE_READ).findFirst()
                .orElseThrow(() -> new AssertionError("no file read: " + lint.findings()));
        assertEquals(ReactorNettyFileReadMain.class.getName() + ".servePage",
                read.topApplicationFrame().qualifiedMethod());
        assertTrue(read.resource().contains("iotrace-page"), read.resource());
        assertTrue(read.count() >= 5, read.toString());
        // readAllBytes reads twice on JDK 17 (the bytes, then the end of the file), from two stacks.
        assertTrue(lint.findings().stream().allMatch(f -> f.kind() == BlockingKind.FILE_READ
                && f.topApplicationFrame().qualifiedMethod().equals(read.topApplicationFrame().qualifiedMethod())),
                "nothing else blocks: " + lint.findings());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void theSameReactorNettyServerAnsweringFromMemoryGivesNoFinding(TargetJdk jdk) throws Exception {
        ProcessLint lint = LoopLint.analyze(reactorNetty(jdk), null, List.of());

        assertEquals(List.of(), lint.findings());
        assertFalse(lint.loops().isEmpty(), "its native epoll loops are recognized");
    }

    /** Runs {@link ReactorNettyFileReadMain} traced, with lint's stacks, while 5 GET requests are served. */
    private Path reactorNetty(TargetJdk jdk, String... args) throws Exception {
        // The server, Reactor's and Netty's jars (native epoll library included), not the agent's classes; not the
        // io_uring transport either, which Reactor Netty would prefer to epoll.
        String classpath = BuiltJars.classpathWithJars(ReactorNettyFileReadMain.class,
                "(netty|reactor|reactive-streams)-(?!transport-(classes|native)-io_uring).*");
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).agentOption("blocking=true")
                .classpath(classpath).main(ReactorNettyFileReadMain.class).args(args).start()) {
            int port = server.awaitListeningPort();
            for (int i = 0; i < 5; i++) {
                HttpURLConnection get = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
                try (InputStream in = get.getInputStream()) {
                    in.readAllBytes();
                }
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            return server.recording();
        }
    }

    private Path nettyEcho(TargetJdk jdk, String... args) throws Exception {
        // Only the server and Netty's jars: the test class path also holds the agent's classes.
        String classpath = BuiltJars.classpathOf(NettyLintMain.class, io.netty.channel.Channel.class,
                io.netty.util.concurrent.EventExecutor.class, io.netty.buffer.ByteBuf.class,
                io.netty.resolver.AddressResolverGroup.class);
        try (RunningJava server = ChildJava.on(jdk).traced(recordings).agentOption("blocking=true")
                .classpath(classpath).main(NettyLintMain.class).args(args).start()) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(TargetJdk.jdk17()).main(LoadDriver.class)
                    .args("--port", Integer.toString(port), "--connections", "2", "--round-trips", "20").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
            return server.recording();
        }
    }
}
