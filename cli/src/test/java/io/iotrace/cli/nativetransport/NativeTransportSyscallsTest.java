package io.iotrace.cli.nativetransport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.model.Underneath;
import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.LoadDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Netty echo server on the native epoll transport, run under the agent and strace in one run: on each event loop
 * thread, the socket reads and writes the agent recorded are exactly the {@code read}/{@code recvfrom} and
 * {@code write}/{@code writev}/{@code sendto}/{@code sendmsg}-family system calls strace saw that thread make on TCP
 * sockets. Netty makes them in C through JNI, where no JDK hook and no Flight Recorder event sees them. On the
 * io_uring transport the kernel does the socket I/O inside {@code io_uring_enter}, where strace cannot see it: there
 * the loops make no such system call at all, and every operation recorded as submitted is recorded as completed.
 */
public class NativeTransportSyscallsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int CONNECTIONS = 4;
    private static final int ROUND_TRIPS = 200;
    private static final Set<String> READS = Set.of("read", "readv", "recvfrom", "recvmsg", "recvmmsg");
    private static final Set<String> WRITES = Set.of("write", "writev", "sendto", "sendmsg", "sendmmsg");
    /** {@code TID TIME name(FD<TCP:[...]>...} of {@code strace -f -ttt -yy}; resumed halves do not match. */
    private static final Pattern SOCKET_CALL = Pattern.compile("^(\\d+)\\s+\\S+\\s+(\\w+)\\(\\d+<TCP");

    @TempDir
    Path dir;

    @Test
    void onEachEpollLoopTheRecordedSocketReadsAndWritesAreTheSyscallsStraceCountedForThatThread() throws Exception {
        Path strace = dir.resolve("strace.log");
        Recorded recorded = runUnderStraceAndTheAgent("epoll", strace);

        Map<Integer, String> loops = loopThreads(recorded, Underneath.NATIVE_EPOLL_TRANSPORT);
        assertTrue(loops.size() >= 2, "the boss and at least one child loop wait in epoll: " + loops);
        Map<Integer, String> recordedCalls = socketCallsPerThread(recorded, loops.keySet());
        Map<Integer, String> straced = straceSocketCallsPerThread(strace, loops.keySet());
        assertEquals(straced, recordedCalls, "per loop thread (" + loops + "): reads/writes recorded vs by strace");
        long echoed = recorded.where(e -> e.operation() == Operation.WRITE && loops.containsKey(e.thread().osTid())
                && e.resource().kind() == ResourceKind.SOCKET_CHANNEL).stream().mapToLong(IoEvent::bytesMoved).sum();
        assertEquals((long) CONNECTIONS * ROUND_TRIPS * 64, echoed, "every byte of the load was echoed and recorded");
    }

    @Test
    void onEachIoUringLoopEverySubmittedSocketOperationCompletesAndNoSocketSyscallIsMade() throws Exception {
        Path strace = dir.resolve("strace.log");
        Recorded recorded = runUnderStraceAndTheAgent("io_uring", strace);

        Map<Integer, String> loops = loopThreads(recorded, Underneath.IO_URING_TRANSPORT);
        assertTrue(loops.size() >= 2, "the boss and at least one child loop wait on their rings: " + loops);
        Map<Integer, String> none = new TreeMap<>();
        loops.keySet().forEach(tid -> none.put(tid, "0 reads, 0 writes"));
        assertEquals(none, straceSocketCallsPerThread(strace, loops.keySet()), "the kernel does the socket I/O");
        assertTrue(straceCalls(strace, "io_uring_enter") > 0, "strace sees the loops enter their rings");
        List<IoEvent> submitted = recorded.where(e -> e.operation() == Operation.ASYNC_SUBMIT
                && loops.containsKey(e.thread().osTid()) && e.resource().kind() == ResourceKind.ASYNC_SOCKET_CHANNEL);
        List<IoEvent> completed = recorded.where(e -> e.operation() == Operation.ASYNC_COMPLETE
                && loops.containsKey(e.thread().osTid()) && e.resource().kind() == ResourceKind.ASYNC_SOCKET_CHANNEL);
        assertTrue(submitted.size() >= 2 * CONNECTIONS * ROUND_TRIPS, "a receive and a send per round trip at least: "
                + submitted.size());
        assertEquals(submitted.size(), completed.size(), "each submitted operation completed");
        assertEquals(2L * CONNECTIONS * ROUND_TRIPS * 64, completed.stream().mapToLong(IoEvent::bytesMoved).sum(),
                "the load's bytes, received and sent back");
    }

    @Test
    void onEachLoopThatSplicesEverySpliceIsAZeroCopyTransferOfTheSocket() throws Exception {
        Path strace = dir.resolve("strace.log");
        Recorded recorded = runUnderStraceAndTheAgent(strace, "--transport", "epoll", "--loops", "2", "--splice");

        Map<Integer, String> loops = loopThreads(recorded, Underneath.NATIVE_EPOLL_TRANSPORT);
        List<IoEvent> splices = recorded.where(e -> e.operation() == Operation.TRANSFER_TO
                || e.operation() == Operation.TRANSFER_FROM);
        assertEquals(straceCalls(strace, "splice"), splices.size(), "splices recorded vs strace, in the process");
        Map<Integer, Long> recordedSplices = new TreeMap<>();
        Map<Integer, Long> stracedSplices = new TreeMap<>();
        for (int tid : loops.keySet()) {
            recordedSplices.put(tid, splices.stream().filter(e -> e.thread().osTid() == tid).count());
            stracedSplices.put(tid, straceCalls(strace, tid, "splice"));
        }
        assertEquals(stracedSplices, recordedSplices, "per loop thread (" + loops + "): splices recorded vs strace");
        List<IoEvent> socketTransfers = recorded.where(e -> loops.containsKey(e.thread().osTid())
                && e.resource().kind() == ResourceKind.SOCKET_CHANNEL);
        long out = socketTransfers.stream().filter(e -> e.operation() == Operation.TRANSFER_TO)
                .mapToLong(IoEvent::bytesMoved).sum();
        long in = socketTransfers.stream().filter(e -> e.operation() == Operation.TRANSFER_FROM)
                .mapToLong(IoEvent::bytesMoved).sum();
        long bytes = (long) CONNECTIONS * ROUND_TRIPS * 64;
        assertEquals(bytes + " out of the sockets, " + bytes + " into them", out + " out of the sockets, " + in
                + " into them", "every byte of the load spliced through a pipe and back");
        assertEquals(0, socketTransfers.stream().filter(e -> e.operation() == Operation.READ)
                .mapToLong(IoEvent::bytesMoved).sum(), "no byte read into user space");
    }

    /** Runs the server under strace and the agent while the load driver (untraced) runs, and reads its recording. */
    private Recorded runUnderStraceAndTheAgent(String transport, Path straceLog) throws Exception {
        return runUnderStraceAndTheAgent(straceLog, "--transport", transport, "--loops", "2");
    }

    private Recorded runUnderStraceAndTheAgent(Path straceLog, String... serverArgs) throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        TargetJdk jdk = TargetJdk.jdk17();
        String classpath = nettyClasspath();
        List<String> command = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-q",
                "-e", "trace=%desc,%network", "-ttt", "-yy", "-o", straceLog.toString(), "--"));
        command.addAll(ChildJava.on(jdk).traced(recordings).classpath(classpath).main(NettyNativeEchoMain.class)
                .args(serverArgs).command());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try (RunningJava server = RunningJava.of("native-echo", builder.start())) {
            int port = server.awaitListeningPort();
            try (RunningJava driver = ChildJava.on(jdk).main(LoadDriver.class).args("--port", String.valueOf(port),
                    "--connections", String.valueOf(CONNECTIONS), "--round-trips", String.valueOf(ROUND_TRIPS),
                    "--size", "64", "--timeout-seconds", "60").start()) {
                driver.awaitSuccess(TIMEOUT);
            }
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }
        try (Stream<Path> files = Files.list(recordings)) {
            Path recording = files.filter(f -> f.toString().endsWith(".iotrace")).findFirst().orElseThrow();
            return Recorded.read(recording);
        }
    }

    /** The echo server and Netty's jars, native libraries included. */
    public static String nettyClasspath() {
        return BuiltJars.classpathWithJars(NettyNativeEchoMain.class, "netty-.*");
    }

    /** The threads that waited in the transport's readiness wait, by OS thread id. */
    private static Map<Integer, String> loopThreads(Recorded recorded, String transport) {
        return recorded.where(e -> e.operation() == Operation.SELECT
                        && transport.equals(e.resource().description())).stream()
                .collect(Collectors.toMap(e -> e.thread().osTid(), e -> e.thread().name(), (a, b) -> a, TreeMap::new));
    }

    private static Map<Integer, String> socketCallsPerThread(Recorded recorded, Set<Integer> threads) {
        Map<Integer, long[]> counts = new TreeMap<>();
        threads.forEach(t -> counts.put(t, new long[2]));
        for (IoEvent e : recorded.where(e -> threads.contains(e.thread().osTid())
                && e.resource().kind() == ResourceKind.SOCKET_CHANNEL)) {
            if (e.operation() == Operation.READ) {
                counts.get(e.thread().osTid())[0]++;
            } else if (e.operation() == Operation.WRITE) {
                counts.get(e.thread().osTid())[1]++;
            }
        }
        return asText(counts);
    }

    private static Map<Integer, String> straceSocketCallsPerThread(Path log, Set<Integer> threads) throws Exception {
        Map<Integer, long[]> counts = new TreeMap<>();
        threads.forEach(t -> counts.put(t, new long[2]));
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> {
                Matcher m = SOCKET_CALL.matcher(line);
                if (!m.find()) {
                    return;
                }
                long[] c = counts.get(Integer.parseInt(m.group(1)));
                if (c == null) {
                    return;
                }
                if (READS.contains(m.group(2))) {
                    c[0]++;
                } else if (WRITES.contains(m.group(2))) {
                    c[1]++;
                }
            });
        }
        return asText(counts);
    }

    private static long straceCalls(Path log, String name) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.matches("^\\d+\\s+\\S+\\s+" + name + "\\(.*")).count();
        }
    }

    /** The calls of syscall {@code name} that strace saw thread {@code tid} make (unfinished ones included). */
    private static long straceCalls(Path log, int tid, String name) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith(tid + " ") && line.matches("^\\d+\\s+\\S+\\s+" + name
                    + "\\(.*")).count();
        }
    }

    private static Map<Integer, String> asText(Map<Integer, long[]> counts) {
        Map<Integer, String> text = new TreeMap<>();
        counts.forEach((tid, c) -> text.put(tid, c[0] + " reads, " + c[1] + " writes"));
        return text;
    }
}
