package io.iotrace.cli.nativetransport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
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
 * A UDP echo server on Netty's native epoll transport, run under the agent and strace in one run: its loop's datagram
 * calls ({@code recvmsg}, {@code recvmmsg}, {@code sendto}, {@code sendmsg}, {@code sendmmsg}, made in C through JNI)
 * are recorded as a datagram channel's receives and sends, one per system call strace saw the loop make on a UDP
 * socket, with every byte of the load in and out.
 */
public class NativeDatagramSyscallsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int ROUNDS = 50;
    private static final int BURST = 8;
    private static final int SIZE = 64;
    private static final long BYTES = (long) ROUNDS * BURST * SIZE;
    private static final Set<String> RECEIVES = Set.of("read", "recvfrom", "recvmsg", "recvmmsg");
    private static final Set<String> SENDS = Set.of("write", "writev", "sendto", "sendmsg", "sendmmsg");
    /** {@code TID TIME name(FD<UDP:[...]>...} of {@code strace -f -ttt -yy}; resumed halves do not match. */
    private static final Pattern DATAGRAM_CALL = Pattern.compile("^(\\d+)\\s+\\S+\\s+(\\w+)\\(\\d+<UDP");

    @TempDir
    Path dir;

    @Test
    void oneDatagramPerCallIsAReceiveAndASendPerSyscall() throws Exception {
        Path strace = dir.resolve("strace.log");
        Recorded recorded = runUnderStraceAndTheAgent(List.of(), strace, 1);

        Map<String, Long> syscalls = checkLoopAgainstStrace(recorded, strace);
        assertTrue(syscalls.getOrDefault("recvmsg", 0L) > 0, "the loop receives with recvmsg: " + syscalls);
    }

    @Test
    void batchedDatagramsAreOneReceiveAndOneSendPerRecvmmsgAndSendmmsg() throws Exception {
        Path strace = dir.resolve("strace.log");
        Recorded recorded = runUnderStraceAndTheAgent(List.of("--batched", String.valueOf(SIZE)), strace, 2);

        Map<String, Long> syscalls = checkLoopAgainstStrace(recorded, strace);
        assertTrue(syscalls.getOrDefault("recvmmsg", 0L) > 0, "the loop receives with recvmmsg: " + syscalls);
        assertTrue(syscalls.getOrDefault("sendmmsg", 0L) > 0, "the loop sends with sendmmsg: " + syscalls);
    }

    /**
     * On the thread that received the datagrams: receives and sends recorded equal those strace counted, and they
     * moved the load's bytes. Returns the loop's datagram syscalls by name.
     */
    private static Map<String, Long> checkLoopAgainstStrace(Recorded recorded, Path strace) throws Exception {
        Set<Integer> loops = recorded.where(e -> e.operation() == Operation.RECEIVE && datagram(e)).stream()
                .map(e -> e.thread().osTid()).collect(Collectors.toSet());
        assertEquals(1, loops.size(), "one loop receives the datagrams: " + loops);
        int loop = loops.iterator().next();
        List<IoEvent> calls = recorded.where(e -> e.thread().osTid() == loop && datagram(e));
        Map<String, Long> syscalls = straceDatagramCalls(strace, loop);
        long receives = calls.stream().filter(e -> e.operation() == Operation.RECEIVE).count();
        long sends = calls.stream().filter(e -> e.operation() == Operation.SEND).count();
        assertEquals(total(syscalls, RECEIVES) + " receives, " + total(syscalls, SENDS) + " sends",
                receives + " receives, " + sends + " sends", "recorded vs strace's " + syscalls);
        assertFalse(calls.stream().anyMatch(e -> e.operation() == Operation.READ || e.operation() == Operation.WRITE),
                "an unconnected datagram socket is sent to and received from, not read or written");
        assertEquals(BYTES, bytes(calls, Operation.RECEIVE), "every byte of the load received and recorded");
        assertEquals(BYTES, bytes(calls, Operation.SEND), "every byte of the load sent back and recorded");
        return syscalls;
    }

    private static boolean datagram(IoEvent e) {
        return e.resource() != null && e.resource().kind() == ResourceKind.DATAGRAM_CHANNEL;
    }

    private static long bytes(List<IoEvent> calls, Operation operation) {
        return calls.stream().filter(e -> e.operation() == operation).mapToLong(IoEvent::bytesMoved).sum();
    }

    private static long total(Map<String, Long> syscalls, Set<String> names) {
        return syscalls.entrySet().stream().filter(e -> names.contains(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /**
     * Runs the server under strace and the agent while this test, untraced, sends it bursts of datagrams and takes
     * back {@code replies} datagrams per datagram sent; reads the server's recording.
     */
    private Recorded runUnderStraceAndTheAgent(List<String> serverArgs, Path straceLog, int replies)
            throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        List<String> command = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-q",
                "-e", "trace=%desc,%network", "-ttt", "-yy", "-o", straceLog.toString(), "--"));
        command.addAll(ChildJava.on(TargetJdk.jdk17()).traced(recordings)
                .classpath(NativeTransportSyscallsTest.nettyClasspath()).main(NettyNativeDatagramEchoMain.class)
                .args(serverArgs.toArray(String[]::new)).command());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try (RunningJava server = RunningJava.of("native-datagram-echo", builder.start())) {
            int port = server.awaitListeningPort();
            assertEquals(BYTES, echo(port, replies), "bytes echoed to the client");
            server.closeStdin();
            server.awaitSuccess(TIMEOUT);
        }
        try (Stream<Path> files = Files.list(recordings)) {
            Path recording = files.filter(f -> f.toString().endsWith(".iotrace")).findFirst().orElseThrow();
            return Recorded.read(recording);
        }
    }

    /** Sends {@link #ROUNDS} bursts of {@link #BURST} datagrams and takes their echoes; the bytes that came back. */
    private static long echo(int port, int replies) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long echoed = 0;
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < BURST; i++) {
                    client.send(new DatagramPacket(new byte[SIZE], SIZE, server));
                }
                for (int i = 0; i < BURST * replies; i++) {
                    reply.setLength(2048);
                    try {
                        client.receive(reply);
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("no echo within " + TIMEOUT + " in round " + round, e);
                    }
                    echoed += reply.getLength();
                }
            }
        }
        return echoed;
    }

    /** The UDP syscalls strace saw {@code thread} make, by name. */
    private static Map<String, Long> straceDatagramCalls(Path log, int thread) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> {
                Matcher m = DATAGRAM_CALL.matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) == thread
                        && (RECEIVES.contains(m.group(2)) || SENDS.contains(m.group(2)))) {
                    counts.merge(m.group(2), 1L, Long::sum);
                }
            });
        }
        return counts;
    }
}
