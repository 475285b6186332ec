package io.iotrace.analyzers.source.strace;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEvent.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line forms of strace 6.1 listed in SYSCALL-NOTES.md, one by one. */
class StraceLineParserTest {
    private final StraceLineParser parser = new StraceLineParser(0);

    private SyscallEvent parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SyscallEvent event = parser.parse(bytes, 0, bytes.length);
        assertNotNull(event, () -> "not parsed (" + parser.problem() + "): " + line);
        return event;
    }

    @Test
    void pidPrefixEpochTimestampDurationAndSocketDecorationAreRead() {
        SyscallEvent e = parse("13055 1700000000.123456 read(5<TCP:[127.0.0.1:56914->127.0.0.1:8765]>, "
                + "\"hello\"..., 4096) = 4096 <0.000013>");
        assertEquals(13055, e.tid());
        assertEquals(1_700_000_000_123_456_000L, e.startNanos());
        assertEquals(13_000, e.durationNanos());
        assertEquals("read", e.name());
        assertEquals(5, e.fd());
        assertEquals(FdKind.SOCKET, e.fdKind());
        assertEquals(4096, e.result());
    }

    @Test
    void nanosecondTimestampsKeepEveryDigit() {
        SyscallEvent e = parse("7 1700000000.123456789 close(3) = 0");
        assertEquals(1_700_000_000_123_456_789L, e.startNanos());
        assertEquals(SyscallEvent.NO_TIME, e.durationNanos());
    }

    @Test
    void timeOfDayTimestampsAreFlaggedAsSuchAndCountFromMidnight() {
        SyscallEvent e = parse("22:34:18.418730 close(3) = 0");
        assertTrue(e.has(SyscallEvent.FLAG_TIME_OF_DAY));
        assertEquals((22 * 3600 + 34 * 60 + 18) * 1_000_000_000L + 418_730_000L, e.startNanos());
        assertEquals((22 * 3600 + 34 * 60 + 22) * 1_000_000_000L, parse("22:34:22 close(3) = 0").startNanos());
    }

    @Test
    void stderrPidPrefixAndThreadNamesGiveTheThreadId() {
        assertEquals(42, parse("[pid    42] close(3) = 0").tid());
        SyscallEvent named = parse("13055<io-server> 1700000000.000001 close(3) = 0");
        assertEquals(13055, named.tid());
        assertEquals("close", named.name());
    }

    @Test
    void errnoAndNestedDecorationsAreRead() {
        SyscallEvent e = parse("9 read(4</dev/null<char 1:3>>, 0x7ffd, 64) = -1 EAGAIN (Resource temporarily unavailable)");
        assertEquals(FdKind.FILE, e.fdKind());
        assertEquals(-1, e.result());
        assertEquals("EAGAIN", e.errno());
        SyscallEvent open = parse("9 openat(AT_FDCWD</tmp>, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache>");
        assertEquals(FdKind.FILE, open.resultFdKind());
        assertEquals(3, open.result());
    }

    @Test
    void unfinishedAndResumedHalvesAreTold() {
        SyscallEvent start = parse("5 1.000000 accept(3<TCP:[127.0.0.1:5555]>,  <unfinished ...>");
        assertEquals(Kind.UNFINISHED, start.kind());
        assertEquals(3, start.fd());
        SyscallEvent end = parse("5 1.105613 <... accept resumed>{sa_family=AF_INET}, [16]) = 4<TCP:[1:2->3:4]> <0.105613>");
        assertEquals(Kind.RESUMED, end.kind());
        assertEquals("accept", end.name());
        assertEquals(4, end.result());
        assertEquals(105_613_000L, end.durationNanos());
        assertTrue(parse("5 <... read resumed> <unfinished ...>) = ?").has(SyscallEvent.FLAG_NO_RESULT));
    }

    @Test
    void interruptedCallsAndRestartsKeepTheRestartedCallsName() {
        SyscallEvent interrupted = parse("5 read(0, 0x7ffd, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        assertTrue(interrupted.has(SyscallEvent.FLAG_NO_RESULT));
        assertEquals("ERESTARTSYS", interrupted.errno());
        assertEquals("read", parse("5 restart_syscall(<... resuming interrupted read ...>) = 1").name());
        assertTrue(parse("5 exit_group(0)                  = ?").has(SyscallEvent.FLAG_NO_RESULT));
    }

    @Test
    void signalsExitsAndKillsAreEvents() {
        SyscallEvent sigio = parse("5 --- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=3<UNIX-STREAM:[1->2]>} ---");
        assertEquals(Kind.SIGNAL, sigio.kind());
        assertEquals("SIGIO", sigio.name());
        assertEquals(3, sigio.fd());
        assertEquals(FdKind.SOCKET, sigio.fdKind());
        SyscallEvent exit = parse("5 +++ exited with 3 +++");
        assertEquals(Kind.EXIT, exit.kind());
        assertEquals(3, exit.result());
        assertEquals("SIGKILL", parse("5 +++ killed by SIGKILL +++").name());
    }

    @Test
    void singleDescriptorWaitsNameTheirDescriptor() {
        SyscallEvent poll = parse("5 poll([{fd=7<TCPv6:[[::ffff:127.0.0.1]:5566->[::ffff:127.0.0.1]:43392]>, "
                + "events=POLLIN}], 1, 500) = 1 ([{fd=7, revents=POLLIN}])");
        assertTrue(poll.has(SyscallEvent.FLAG_SINGLE_FD_WAIT));
        assertEquals(7, poll.argument());
        SyscallEvent two = parse("5 poll([{fd=7, events=POLLIN}, {fd=8, events=POLLIN}], 2, 500) = 0 (Timeout)");
        assertTrue(!two.has(SyscallEvent.FLAG_SINGLE_FD_WAIT));
        SyscallEvent select = parse("5 pselect6(4, [3], NULL, NULL, {tv_sec=2, tv_nsec=0}, NULL) = 1 (in [3])");
        assertEquals(3, select.argument());
    }

    @Test
    void cloneFlagsFcntlAsyncSetupAndFileMmapsAreSeen() {
        assertTrue(parse("5 clone3({flags=CLONE_VM|CLONE_FS|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 6")
                .has(SyscallEvent.FLAG_CLONE_THREAD));
        assertTrue(!parse("5 clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD) = 6")
                .has(SyscallEvent.FLAG_CLONE_THREAD));
        assertTrue(parse("5 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK|FASYNC) = 0").has(SyscallEvent.FLAG_ASYNC_SETUP));
        assertTrue(!parse("5 fcntl(3, F_GETFL) = 0x2002 (flags O_RDWR|FASYNC)").has(SyscallEvent.FLAG_ASYNC_SETUP));
        SyscallEvent mmap = parse("5 mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, 3</usr/lib/a, b.so>, 0) = 0x7f0000");
        assertEquals(3, mmap.fd());
        assertEquals(8192, mmap.argument());
    }

    @Test
    void malformedLinesSayWhatIsWrong() {
        byte[] bytes = "5 this is not strace".getBytes(StandardCharsets.UTF_8);
        assertNull(parser.parse(bytes, 0, bytes.length));
        assertEquals("expected a syscall name and '('", parser.problem());
        byte[] noResult = "5 read(3, \"abc\", 3".getBytes(StandardCharsets.UTF_8);
        assertNull(parser.parse(noResult, 0, noResult.length));
        assertEquals("call without a return value", parser.problem());
    }
}
