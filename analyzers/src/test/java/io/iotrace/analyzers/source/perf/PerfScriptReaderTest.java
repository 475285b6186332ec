package io.iotrace.analyzers.source.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.analyzers.syscall.ParseProblems;
import io.iotrace.analyzers.syscall.SyscallClock;
import io.iotrace.analyzers.syscall.SyscallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perf script says which clock it stamped with only in its {@code --header}; the reader passes that on. */
class PerfScriptReaderTest {
    private static final String CALLS = """
                        java 4242 [001]  8842.414070: raw_syscalls:sys_enter: NR 0 (5, 7f6ef4b99a90, 2000, 0, 0, 0)
                        java 4242 [001]  8842.414085: raw_syscalls:sys_exit: NR 0 = 64
            """;
    /** Event lines as perf 6.1 prints them, cut to the fields that matter here. */
    private static final String MONOTONIC_HEADER = """
            # ========
            # cmdline : /usr/bin/perf record -e raw_syscalls:sys_enter,raw_syscalls:sys_exit -k CLOCK_MONOTONIC -- java Main
            # event : name = raw_syscalls:sys_enter, , id = { 620, 621 }, type = 2, size = 128, use_clockid = 1, clockid = 1
            # clockid: monotonic (1)
            # ========
            #
            """;
    private static final String OWN_CLOCK_HEADER = """
            # ========
            # event : name = raw_syscalls:sys_enter, , id = { 611, 612 }, type = 2, size = 128, sample_id_all = 1
            # missing features: BRANCH_STACK CLOCKID CLOCK_DATA
            # ========
            #
            """;

    @TempDir
    Path dir;

    private List<SyscallEvent> read(String text, ParseProblems problems) throws Exception {
        Path log = Files.writeString(dir.resolve("perf.log"), text);
        List<SyscallEvent> events = new ArrayList<>();
        PerfScriptReader.read(log, events::add, problems);
        return events;
    }

    @Test
    void withoutAHeaderTheClockIsUnstated() throws Exception {
        SyscallEvent read = read(CALLS, new ParseProblems(true)).get(0);
        assertEquals(SyscallClock.PERF_UNSTATED, SyscallClock.of(read));
        assertEquals(8842_414_070_000L, read.startNanos());
        assertEquals(64, read.result());
    }

    @Test
    void aHeaderWithClockidOneSaysMonotonicAndIsNotCountedAsMalformed() throws Exception {
        ParseProblems problems = new ParseProblems(false);
        SyscallEvent read = read(MONOTONIC_HEADER + CALLS, problems).get(0);
        assertEquals(SyscallClock.MONOTONIC, SyscallClock.of(read));
        assertEquals(0, problems.skippedLines());
    }

    @Test
    void aHeaderWithoutClockidSaysPerfsOwnClock() throws Exception {
        SyscallEvent read = read(OWN_CLOCK_HEADER + CALLS, new ParseProblems(true)).get(0);
        assertEquals(SyscallClock.PERF_OTHER, SyscallClock.of(read));
    }
}
