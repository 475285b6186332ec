package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.report.ThreadReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.IoSummary;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.analyzers.model.Verdict;

import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Call sequences whose meaning depends on order, written in the exact line forms strace 6.1 prints. */
class SequenceClassificationTest {
    @TempDir
    Path dir;

    private SyscallReport analyze(String name, String log) throws Exception {
        return SyscallLogAnalyzer.analyze(List.of(Files.writeString(dir.resolve(name), log)), true);
    }

    @Test
    void aJdkSoTimeoutReadIsATimedBlockingReadNotPolling() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            log.append("7 1.").append(100 + i).append(" read(9<TCPv6:[[::ffff:127.0.0.1]:5566->[::ffff:127.0.0.1]:43392]>,")
                    .append(" 0x7f, 8192) = -1 EAGAIN (Resource temporarily unavailable) <0.000005>\n")
                    .append("7 1.").append(200 + i).append(" poll([{fd=9<TCPv6:[[::ffff:127.0.0.1]:5566->[::ffff:127.0.0.1]:43392]>,")
                    .append(" events=POLLIN}], 1, 2000) = 1 ([{fd=9, revents=POLLIN}]) <0.010000>\n")
                    .append("7 1.").append(300 + i).append(" read(9<TCPv6:[[::ffff:127.0.0.1]:5566->[::ffff:127.0.0.1]:43392]>,")
                    .append(" \"abc\", 8192) = 3 <0.000004>\n");
        }
        Verdict verdict = analyze("jdk.log", log.toString()).processes().get(0).verdict();
        assertEquals(IoModel.BLOCKING, verdict.model());
        assertNull(verdict.mechanism());
        assertTrue(verdict.evidence().contains("; 10 timed reads: each would-block was followed by a wait on that one"
                + " descriptor"), verdict.evidence());
    }

    @Test
    void repeatedEagainOnOneDescriptorWithoutAWaitIsPolling() throws Exception {
        String line = "7 read(9<TCP:[127.0.0.1:1->127.0.0.1:2]>, 0x7f, 64) = -1 EAGAIN (Resource temporarily unavailable)\n";
        assertEquals(IoModel.NON_BLOCKING_POLLING,
                analyze("spin.log", line.repeat(5)).processes().get(0).verdict().model());
    }

    @Test
    void aForkAfterEachAcceptIsProcessPerConnectionAndTheChildrenInheritIt() throws Exception {
        String log = """
                100 accept(3<TCP:[127.0.0.1:8080]>, NULL, NULL) = 4<TCP:[127.0.0.1:8080->127.0.0.1:50001]>
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 201
                201 read(4<TCP:[127.0.0.1:8080->127.0.0.1:50001]>, "GET", 1024) = 3
                100 accept(3<TCP:[127.0.0.1:8080]>, NULL, NULL) = 4<TCP:[127.0.0.1:8080->127.0.0.1:50002]>
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 202
                202 read(4<TCP:[127.0.0.1:8080->127.0.0.1:50002]>, "GET", 1024) = 3
                """;
        SyscallReport report = analyze("fork.log", log);
        assertEquals(Architecture.PROCESS_PER_CONNECTION, report.process(100).orElseThrow().architecture());
        assertEquals(100, report.process(201).orElseThrow().process().parentPid());
        assertEquals(Architecture.PROCESS_PER_CONNECTION, report.process(202).orElseThrow().architecture());
    }

    @Test
    void workersForkedBeforeAcceptingInEpollLoopsAreAMultiProcessEventLoop() throws Exception {
        StringBuilder log = new StringBuilder("""
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 201
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 202
                100 rt_sigsuspend([], 8 <unfinished ...>
                """);
        for (int worker = 201; worker <= 202; worker++) {
            log.append(worker).append(" epoll_wait(8<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=3, u64=3}}], 512, -1) = 1\n")
                    .append(worker).append(" accept4(3<TCP:[0.0.0.0:80]>, NULL, NULL, SOCK_NONBLOCK) = 9<TCP:[127.0.0.1:80->127.0.0.1:5000]>\n")
                    .append(worker).append(" epoll_wait(8<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=9, u64=9}}], 512, -1) = 1\n")
                    .append(worker).append(" recvfrom(9<TCP:[127.0.0.1:80->127.0.0.1:5000]>, \"GET / HTTP/1.1\", 1024, 0, NULL, NULL) = 14\n")
                    .append(worker).append(" recvfrom(9<TCP:[127.0.0.1:80->127.0.0.1:5000]>, 0x55, 1024, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n");
        }
        SyscallReport report = analyze("nginx.log", log.toString());
        assertEquals(Architecture.MULTI_PROCESS_EVENT_LOOP, report.process(100).orElseThrow().architecture());
        ProcessReport worker = report.process(201).orElseThrow();
        assertEquals(IoModel.MULTIPLEXING, worker.verdict().model());
        assertEquals(Mechanism.EPOLL, worker.verdict().mechanism());
        assertEquals(Architecture.MULTI_PROCESS_EVENT_LOOP, worker.architecture());
    }

    @Test
    void perThreadFilesOfStraceFfTakeTheirThreadIdFromTheFileName() throws Exception {
        Path main = Files.writeString(dir.resolve("trace.300"),
                "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 301\n");
        Path thread = Files.writeString(dir.resolve("trace.301"), "write(1</dev/pts/0>, \"hi\\n\", 3) = 3\n");
        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(main, thread), true);
        assertEquals(1, report.processes().size());
        ProcessReport process = report.process(300).orElseThrow();
        assertEquals(2, process.threads().size());
        assertEquals(3, process.thread(301).io().wait(WaitKind.WRITE).bytes());
    }

    @Test
    void zeroCopyBytesComeFromSendfileReturnValues() throws Exception {
        String log = "5 sendfile(4<TCP:[127.0.0.1:80->127.0.0.1:5000]>, 3</srv/a.bin>, NULL, 65536) = 65536 <0.000200>\n"
                + "5 sendfile(4<TCP:[127.0.0.1:80->127.0.0.1:5000]>, 3</srv/a.bin>, NULL, 65536) = 1000 <0.000100>\n";
        IoSummary io = analyze("sendfile.log", log).processes().get(0).totals();
        assertEquals(2, io.copies().zeroCopyTransfers());
        assertEquals(66536, io.copies().zeroCopyBytes());
        assertNull(io.wait(WaitKind.WRITE));
    }

    @Test
    void outOfOrderTimestampsOfStraceZStillPairAndSpanCorrectly() throws Exception {
        // -Z prints failed calls when they complete: thread 8's line comes first though it started later.
        String log = """
                8 2.000000 read(3, 0x7f, 10) = -1 EAGAIN (Resource temporarily unavailable) <0.000010>
                7 1.000000 connect(4, {sa_family=AF_INET}, 16) = -1 ECONNREFUSED (Connection refused) <0.500000>
                """;
        SyscallReport report = analyze("z.log", log);
        assertEquals(2, report.events());
        assertEquals(500_000_000L, report.process(7).orElseThrow().syscall("connect").maxNanos());
    }

    @Test
    void aLogInCompletionOrderListsThreadsByTheirFirstCallsStartNotByTheirFirstLine() throws Exception {
        // strace -f -ttt -z prints a call when it returns: the new thread 101's first call returned and was printed
        // before the clone3 that made it returned in thread 100, though the clone3 started first.
        String log = """
                101 1700000000.000050 set_robust_list(0x7f2d2fbff9a0, 24) = 0
                100 1700000000.000000 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f2d2fbff910, parent_tid=0x7f2d2fbff910, exit_signal=0, stack=0x7f2d2f3ff000, stack_size=0x7fff00, tls=0x7f2d2fbff640} => {parent_tid=[101]}, 88) = 101
                101 1700000000.000200 write(1<pipe:[1234]>, "b", 1) = 1
                100 1700000000.000100 read(0<pipe:[1233]>, "a", 1) = 1
                """;
        ProcessReport process = analyze("completion-order.log", log).processes().get(0);
        assertEquals(List.of(100, 101), process.threads().stream().map(ThreadReport::osTid).toList());
    }

    @Test
    void eagainFromFutexOrFlockIsNotEvidenceOfNonBlockingIo() throws Exception {
        String log = """
                7 futex(0x7f10, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 EAGAIN (Resource temporarily unavailable)
                7 flock(5</tmp/hsperfdata_root/7>, LOCK_EX|LOCK_NB) = -1 EAGAIN (Resource temporarily unavailable)
                """.repeat(10) + """
                7 read(9<TCP:[127.0.0.1:1->127.0.0.1:2]>, "abc", 64) = 3
                """.repeat(5);
        Verdict verdict = analyze("futex.log", log).processes().get(0).verdict();
        assertEquals(IoModel.BLOCKING, verdict.model(), verdict.toString());
    }

    @Test
    void eagainWhenDrainingAnEventfdIsNotPolling() throws Exception {
        String line = "7 read(9<anon_inode:[eventfd]>, 0x7f, 8) = -1 EAGAIN (Resource temporarily unavailable)\n";
        assertNotEquals(IoModel.NON_BLOCKING_POLLING,
                analyze("eventfd.log", line.repeat(5)).processes().get(0).verdict().model());
    }

    @Test
    void theProcessModelIsThatOfTheConnectionThreadsNotOfTheAcceptLoop() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int c = 0; c < 20; c++) {
            int tid = 200 + c;
            String conn = "5<TCP:[127.0.0.1:8000->127.0.0.1:" + (50000 + c) + "]>";
            log.append("100 poll([{fd=3<TCP:[127.0.0.1:8000]>, events=POLLIN}], 1, 500) = 1 ([{fd=3, revents=POLLIN}])\n")
                    .append("100 accept4(3<TCP:[127.0.0.1:8000]>, NULL, NULL, SOCK_CLOEXEC) = ").append(conn).append('\n')
                    .append("100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, ")
                    .append("exit_signal=0}, 88) = ").append(tid).append('\n');
            for (int r = 0; r < 3; r++) {
                log.append(tid).append(" recvfrom(").append(conn).append(", \"GET\", 8192, 0, NULL, NULL) = 3\n")
                        .append(tid).append(" sendto(").append(conn).append(", \"HTTP\", 4, 0, NULL, 0) = 4\n");
            }
        }
        ProcessReport process = analyze("threading.log", log.toString()).process(100).orElseThrow();
        assertEquals(Architecture.THREAD_PER_CONNECTION, process.architecture());
        assertEquals(IoModel.BLOCKING, process.verdict().model(), process.verdict().toString());
        assertEquals(IoModel.MULTIPLEXING, process.thread(100).verdict().model());
    }

    @Test
    void aCallerWhosePoolThreadsReadTheFilesAndWakeItIsAsyncViaAThreadPool() throws Exception {
        StringBuilder log = new StringBuilder("""
                100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 101
                100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 102
                """);
        for (int i = 0; i < 30; i++) {
            int helper = 101 + i % 2;
            log.append(helper).append(" pread64(3</tmp/data>, \"x\", 4096, ").append(i * 4096).append(") = 4096\n")
                    .append(helper).append(" futex(0x7f20, FUTEX_WAKE_PRIVATE, 1) = 1\n")
                    .append("100 futex(0x7f20, FUTEX_WAIT_PRIVATE, 0, NULL) = 0\n");
        }
        ProcessReport process = analyze("posix-aio.log", log.toString()).process(100).orElseThrow();
        assertEquals(IoModel.ASYNC, process.verdict().model(), process.verdict().toString());
        assertEquals(Mechanism.THREAD_POOL, process.verdict().mechanism());
        assertEquals(IoModel.ASYNC, process.thread(100).verdict().model());
    }

    @Test
    void aLauncherThatJoinsItsWorkersOnceIsNotAThreadPoolCaller() throws Exception {
        StringBuilder log = new StringBuilder("""
                100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 101
                """);
        for (int i = 0; i < 200; i++) {
            log.append("101 pread64(3</usr/lib/jvm/lib/modules>, \"x\", 4096, ").append(i * 4096).append(") = 4096\n");
        }
        log.append("100 futex(0x7f20, FUTEX_WAIT_PRIVATE, 0, NULL) = 0\n");
        ProcessReport process = analyze("launcher.log", log.toString()).process(100).orElseThrow();
        assertEquals(IoModel.BLOCKING, process.verdict().model(), process.verdict().toString());
    }

    @Test
    void aJdkTimedReadSplitByOtherThreadsLinesIsStillATimedRead() throws Exception {
        StringBuilder log = new StringBuilder();
        String conn = "14<TCPv6:[[::ffff:127.0.0.1]:32752->[::ffff:127.0.0.1]:44520]>";
        for (int i = 0; i < 5; i++) {
            log.append("7 read(").append(conn).append(",  <unfinished ...>\n")
                    .append("8 futex(0x7f10, FUTEX_WAKE_PRIVATE, 1) = 0\n")
                    .append("7 <... read resumed>0x7f6a, 8069) = -1 EAGAIN (Resource temporarily unavailable)\n")
                    .append("7 poll([{fd=").append(conn).append(", events=POLLIN}], 1, 4999 <unfinished ...>\n")
                    .append("8 futex(0x7f10, FUTEX_WAKE_PRIVATE, 1) = 0\n")
                    .append("7 <... poll resumed>) = 0 (Timeout)\n")
                    .append("7 poll([{fd=").append(conn).append(", events=POLLIN}], 1, 4999) = 1 ([{fd=14, revents=POLLIN}])\n")
                    .append("7 read(").append(conn).append(", \"GET\", 8069) = 3\n");
        }
        Verdict verdict = analyze("split.log", log.toString()).process(7).orElseThrow().thread(7).verdict();
        assertEquals(IoModel.BLOCKING, verdict.model(), verdict.toString());
        assertTrue(verdict.evidence().contains("; 10 timed reads"), verdict.evidence());
    }

    @Test
    void threadsTakingTurnsOnOneEpollDescriptorAreOneLoopServedByAPool() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int tid = 101; tid <= 103; tid++) {
            log.append("100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, ")
                    .append("exit_signal=0}, 88) = ").append(tid).append('\n');
        }
        for (int c = 0; c < 6; c++) {
            int tid = 101 + c % 3;
            String conn = (20 + c) + "<TCP:[127.0.0.1:8080->127.0.0.1:" + (50000 + c) + "]>";
            log.append(tid).append(" epoll_wait(9<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=3}}], 1024, -1) = 1\n")
                    .append(tid).append(" accept4(3<TCP:[127.0.0.1:8080]>, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = ").append(conn).append('\n')
                    .append(tid).append(" epoll_wait(9<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=5}}], 1024, -1) = 1\n")
                    .append(tid).append(" read(").append(conn).append(", \"GET\", 8192) = 3\n")
                    .append(tid).append(" write(").append(conn).append(", \"OK\", 2) = 2\n");
        }
        ProcessReport process = analyze("one-epoll.log", log.toString()).processes().get(0);
        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, process.architecture(), process.toString());
        assertTrue(process.architectureSentence().startsWith("one selector, run by 3 threads in turn, accepts and reads all 6"
                        + " connections"),
                process.architectureEvidence().toString());
    }

    @Test
    void aThreadThatReadsNonBlockingSocketsAnEpollThreadWaitsForIsItsWorker() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int tid = 101; tid <= 102; tid++) {
            log.append("100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, ")
                    .append("exit_signal=0}, 88) = ").append(tid).append('\n');
        }
        for (int c = 0; c < 6; c++) {
            String conn = (20 + c) + "<TCP:[127.0.0.1:8080->127.0.0.1:" + (50000 + c) + "]>";
            log.append("100 accept(3<TCP:[127.0.0.1:8080]>, NULL, NULL) = ").append(conn).append('\n')
                    .append("101 epoll_wait(9<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=5}}], 1024, -1) = 1\n")
                    .append("102 read(").append(conn).append(", \"GET\", 8192) = 3\n")
                    .append("102 write(").append(conn).append(", \"OK\", 2) = 2\n")
                    .append("102 read(").append(conn).append(", 0x7f, 8192) = -1 EAGAIN (Resource temporarily unavailable)\n")
                    .append("102 futex(0x7f20, FUTEX_WAIT_PRIVATE, 0, NULL) = 0\n");
        }
        ProcessReport process = analyze("poller.log", log.toString()).processes().get(0);
        ThreadReport worker = process.thread(102);
        assertEquals(ThreadRole.WORKER, worker.role(), worker.toString());
        assertEquals(IoModel.MULTIPLEXING, worker.ioModel());
        assertEquals(IoModel.MULTIPLEXING, process.ioModel(), process.toString());
        assertEquals(Architecture.EVENT_LOOP_WITH_WORKER_POOL, process.architecture());
    }

    @Test
    void twoChecksOfAnIdleControlSocketBetweenWaitsAreNotPolling() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            log.append("7 pselect6(7, [6<TCP:[127.0.0.1:1->127.0.0.1:2]>], NULL, NULL, NULL, NULL) = 1 (in [6])\n")
                    .append("7 recvfrom(3<UNIX:[38175->38176]>, 0x7ffc, 519, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n")
                    .append("7 recvfrom(3<UNIX:[38175->38176]>, 0x7ffc, 519, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n")
                    .append("7 recvfrom(3<UNIX:[38175->38176]>, 0x7ffc, 519, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)\n")
                    .append("7 read(6<TCP:[127.0.0.1:1->127.0.0.1:2]>, \"ping\", 8192) = 4\n");
        }
        Verdict verdict = analyze("socat.log", log.toString()).processes().get(0).verdict();
        assertEquals(IoModel.MULTIPLEXING, verdict.model(), verdict.toString());
        assertEquals(Mechanism.SELECT, verdict.mechanism());
    }

    @Test
    void aMasterThatServesThroughItsWorkersHasTheirModelNotThatOfItsControlChannel() throws Exception {
        StringBuilder log = new StringBuilder("""
                100 fcntl(7<UNIX-STREAM:[1->2]>, F_SETOWN, 100) = 0
                100 ioctl(7<UNIX-STREAM:[1->2]>, FIOASYNC, [1]) = 0
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 201
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 202
                100 write(7<UNIX-STREAM:[1->2]>, "cmd", 3) = 3
                100 --- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65} ---
                100 rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if SA_RESTART is set)
                """);
        for (int worker = 201; worker <= 202; worker++) {
            for (int c = 0; c < 5; c++) {
                String conn = (20 + c) + "<TCP:[127.0.0.1:80->127.0.0.1:" + (50000 + 10 * worker + c) + "]>";
                log.append(worker).append(" epoll_wait(9<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=6}}], 512, -1) = 1\n")
                        .append(worker).append(" accept4(6<TCP:[127.0.0.1:80]>, NULL, NULL, SOCK_NONBLOCK) = ").append(conn).append('\n')
                        .append(worker).append(" epoll_wait(9<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=7}}], 512, -1) = 1\n")
                        .append(worker).append(" recvfrom(").append(conn).append(", \"GET\", 1024, 0, NULL, NULL) = 3\n")
                        .append(worker).append(" writev(").append(conn).append(", [{iov_base=\"OK\", iov_len=2}], 1) = 2\n");
            }
        }
        ProcessReport master = analyze("nginx.log", log.toString()).process(100).orElseThrow();
        assertEquals(Architecture.MULTI_PROCESS_EVENT_LOOP, master.architecture());
        assertEquals(IoModel.MULTIPLEXING, master.ioModel(), master.evidence());
        assertEquals(Mechanism.EPOLL, master.mechanism());
    }

    /**
     * A descriptor's mode belongs to the process: a pool thread that reads a connection another thread of the pool
     * once drained to EAGAIN reads it in non-blocking mode, even when it never saw the EAGAIN itself.
     */
    @Test
    void aPoolThreadReadingADescriptorThatSaidEagainElsewhereIsTheLoopsWorker() throws Exception {
        String socket = "9<TCP:[127.0.0.1:8080->127.0.0.1:40000]>";
        StringBuilder log = new StringBuilder();
        log.append("5 1.000 clone(child_stack=NULL, flags=CLONE_VM|CLONE_THREAD) = 6 <0.000010>\n")
                .append("5 1.001 clone(child_stack=NULL, flags=CLONE_VM|CLONE_THREAD) = 7 <0.000010>\n");
        for (int i = 0; i < 10; i++) {
            log.append("5 2.").append(100 + i).append(" epoll_wait(4<anon_inode:[eventpoll]>, [{events=EPOLLIN, data={u32=9,")
                    .append(" u64=9}}], 512, -1) = 1 <0.010000>\n")
                    .append("6 2.").append(200 + i).append(" read(").append(socket).append(", \"GET\", 8192) = 3 <0.000004>\n")
                    .append("6 2.").append(300 + i).append(" write(").append(socket).append(", \"OK\", 2) = 2 <0.000004>\n")
                    .append("7 2.").append(400 + i).append(" read(").append(socket).append(", \"GET\", 8192) = 3 <0.000004>\n")
                    .append("7 2.").append(500 + i).append(" read(").append(socket)
                    .append(", 0x7f, 8192) = -1 EAGAIN (Resource temporarily unavailable) <0.000002>\n");
        }
        ProcessReport process = analyze("pool.log", log.toString()).process(5).orElseThrow();
        assertEquals(ThreadRole.WORKER, process.thread(6).role(), process.thread(6).evidence());
        assertEquals(IoModel.MULTIPLEXING, process.thread(6).ioModel());
    }

    /** A selector's wake-up writes 8 bytes to an eventfd: a thread that does so is not doing network I/O. */
    @Test
    void aWakeupWriteToAnEventfdIsNoNetworkCall() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            log.append("5 1.").append(100 + i).append(" write(12<anon_inode:[eventfd]>, \"\\1\\0\\0\\0\\0\\0\\0\\0\", 8) = 8")
                    .append(" <0.000003>\n");
        }
        Verdict verdict = analyze("wakeup.log", log.toString()).process(5).orElseThrow().thread(5).verdict();
        assertEquals(IoModel.NONE, verdict.model(), verdict.toString());
    }
}
