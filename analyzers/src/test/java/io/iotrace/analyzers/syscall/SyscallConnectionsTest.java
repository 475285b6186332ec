package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.report.ProcessReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A syscall log's connections told apart by descriptor, from the accept, connect and close lines strace prints. */
class SyscallConnectionsTest {
    private static final String LISTEN = "3<TCP:[127.0.0.1:8080]>";
    private static final String THREAD = "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD"
            + "|CLONE_SYSVSEM, exit_signal=0}, 88) = ";

    @TempDir
    Path dir;

    private ProcessReport analyze(String log) throws Exception {
        return SyscallLogAnalyzer.analyze(List.of(Files.writeString(dir.resolve("connections.log"), log)), true)
                .process(100).orElseThrow();
    }

    private static String conn(int fd, int port) {
        return fd + "<TCP:[127.0.0.1:8080->127.0.0.1:" + port + "]>";
    }

    @Test
    void twoAcceptsThatReuseADescriptorNumberAfterACloseAreTwoConnections() throws Exception {
        String log = "100 " + THREAD + "101\n"
                + "100 accept4(" + LISTEN + ", NULL, NULL, SOCK_CLOEXEC) = " + conn(4, 50001) + "\n"
                + "101 read(" + conn(4, 50001) + ", \"GET\", 1024) = 3\n"
                + "101 write(" + conn(4, 50001) + ", \"OK\", 2) = 2\n"
                + "101 close(" + conn(4, 50001) + ") = 0\n"
                + "100 accept4(" + LISTEN + ", NULL, NULL, SOCK_CLOEXEC) = " + conn(4, 50002) + "\n"
                + "101 read(" + conn(4, 50002) + ", \"GET\", 1024) = 3\n"
                + "101 write(" + conn(4, 50002) + ", \"OK\", 2) = 2\n";
        ProcessReport process = analyze(log);
        assertEquals(ThreadRole.ACCEPTOR, process.thread(100).role());
        assertEquals(2, process.thread(100).accepted());
        assertEquals(ThreadRole.CONNECTION_HANDLER, process.thread(101).role());
        assertEquals(2, process.thread(101).connections(), "the same number, two connections");
    }

    @Test
    void readsOnOneNumberBetweenTwoOfItsAcceptsAreOnTheFirstConnectionOnly() throws Exception {
        // Thread 101 serves the first connection, 102 the second on the same number: each served one.
        String log = "100 " + THREAD + "101\n"
                + "100 " + THREAD + "102\n"
                + "100 accept4(" + LISTEN + ", NULL, NULL, SOCK_CLOEXEC) = " + conn(4, 50001) + "\n"
                + "101 read(" + conn(4, 50001) + ", \"GET\", 1024) = 3\n"
                + "101 write(" + conn(4, 50001) + ", \"OK\", 2) = 2\n"
                + "100 close(" + conn(4, 50001) + ") = 0\n"
                + "100 accept4(" + LISTEN + ", NULL, NULL, SOCK_CLOEXEC) = " + conn(4, 50002) + "\n"
                + "102 read(" + conn(4, 50002) + ", \"GET\", 1024) = 3\n"
                + "102 write(" + conn(4, 50002) + ", \"OK\", 2) = 2\n";
        ProcessReport process = analyze(log);
        assertEquals(1, process.thread(101).connections());
        assertEquals(1, process.thread(102).connections());
        assertEquals(2, process.connections());
    }

    @Test
    void aThreadThatConnectsItsOwnSocketIsAClientNotAHandler() throws Exception {
        String server = "5<TCP:[127.0.0.1:40000->127.0.0.1:6379]>";
        String log = "100 " + THREAD + "101\n"
                + "100 accept4(" + LISTEN + ", NULL, NULL, SOCK_CLOEXEC) = " + conn(4, 50001) + "\n"
                + "101 read(" + conn(4, 50001) + ", \"GET\", 1024) = 3\n"
                + "101 write(" + conn(4, 50001) + ", \"OK\", 2) = 2\n"
                + "100 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 5<TCP:[12345]>\n"
                + "100 connect(" + server + ", {sa_family=AF_INET, sin_port=htons(6379)}, 16) = 0\n"
                + "100 write(" + server + ", \"PING\", 4) = 4\n"
                + "100 read(" + server + ", \"PONG\", 64) = 4\n";
        ProcessReport process = analyze(log);
        assertEquals(ThreadRole.CONNECTION_HANDLER, process.thread(101).role());
        assertEquals(1, process.thread(101).connections());
        assertEquals(0, process.thread(100).connections(), "the connection it opened is not one it serves");
    }

    @Test
    void aForkedChildServesTheConnectionItsParentAcceptedOnTheNumberItInherited() throws Exception {
        String log = "100 accept(" + LISTEN + ", NULL, NULL) = " + conn(4, 50001) + "\n"
                + "100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f)"
                + " = 201\n"
                + "100 close(" + conn(4, 50001) + ") = 0\n"
                + "201 read(" + conn(4, 50001) + ", \"GET\", 1024) = 3\n"
                + "201 write(" + conn(4, 50001) + ", \"OK\", 2) = 2\n";
        ProcessReport child = SyscallLogAnalyzer.analyze(List.of(Files.writeString(dir.resolve("fork.log"), log)),
                true).process(201).orElseThrow();
        assertEquals(ThreadRole.CONNECTION_HANDLER, child.thread(201).role());
        assertEquals(1, child.thread(201).connections());
    }
}
