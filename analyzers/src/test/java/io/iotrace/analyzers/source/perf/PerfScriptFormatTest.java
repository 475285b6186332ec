package io.iotrace.analyzers.source.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.analyzers.event.SyscallClock;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import io.iotrace.analyzers.syscall.SyscallReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perf script says which clock it stamped with only in its {@code --header}; the reader passes that on. */
class PerfScriptFormatTest {
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

    private final List<SyscallEvent> events = new ArrayList<>();

    /** Reads the log as {@code iotrace analyze} does, strictly; returns the calls, each thread's in order. */
    private SyscallReport analyze(String text) throws Exception {
        Path log = Files.writeString(dir.resolve("perf.log"), text);
        return SyscallLogAnalyzer.analyze(List.of(log), true, events::add);
    }

    /**
     * io_uring's tracepoints fire inside the io_uring_enter that submits and reaps, which perf shows only at its
     * exit: they come after that call, so that each thread's events are in the order they started.
     */
    @Test
    void theIoUringTracepointsInsideACallComeAfterItInStartOrder() throws Exception {
        String text = """
                      uring_read 14634 [000]  8514.612827:  syscalls:sys_enter_io_uring_enter: fd: 0x00000005, to_submit: 0x00000001
                      uring_read 14634 [000]  8514.612836:       io_uring:io_uring_submit_req: ring 0xffff88826d611800, opcode READ
                      uring_read 14634 [000]  8514.612861:         io_uring:io_uring_complete: ring 0xffff88826d611800, result 4096, cflags 0x0
                      uring_read 14634 [000]  8514.612863:   syscalls:sys_exit_io_uring_enter: 0x1
                      uring_read 14634 [000]  8514.612900:       io_uring:io_uring_submit_req: ring 0xffff88826d611800, opcode READ
                """;
        analyze(text);
        assertEquals(List.of("io_uring_enter", "io_uring_submit_req", "io_uring_complete", "io_uring_submit_req"),
                events.stream().map(SyscallEvent::name).toList());
        assertEquals(List.of(8514_612_827_000L, 8514_612_836_000L, 8514_612_861_000L, 8514_612_900_000L),
                events.stream().map(SyscallEvent::startNanos).toList());
    }

    /**
     * The log is parsed in chunks of a megabyte on several workers: a call whose enter ends one chunk and whose exit
     * starts the next is still one call, of its whole duration.
     */
    @Test
    void callsSplitAcrossChunksAreJoined() throws Exception {
        StringBuilder text = new StringBuilder();
        int rounds = 10_000;
        int calls = 3 * rounds;
        long micros = 1_000_000;
        for (int round = 0; round < rounds; round++, micros += 20) {
            // Three threads interleave: all three enter, then all three exit, each 15 µs after its enter.
            for (int tid = 5000; tid < 5003; tid++) {
                long at = micros + tid - 5000;
                text.append(String.format("            java %d [001] %d.%06d: raw_syscalls:sys_enter: NR 0 (5,"
                        + " 7f6e, 2000, 0, 0, 0)%n", tid, at / 1_000_000, at % 1_000_000));
            }
            for (int tid = 5000; tid < 5003; tid++) {
                long at = micros + tid - 5000 + 15;
                text.append(String.format("            java %d [001] %d.%06d:  raw_syscalls:sys_exit: NR 0 = 64%n",
                        tid, at / 1_000_000, at % 1_000_000));
            }
        }
        SyscallReport report = analyze(text.toString());
        assertEquals(2L * calls, report.lines());
        assertEquals(calls, events.size());
        for (SyscallEvent call : events) {
            assertEquals("read", call.name());
            assertEquals(64, call.result());
            assertEquals(15_000, call.durationNanos(), call.toString());
        }
    }

    @Test
    void withoutAHeaderTheClockIsUnstated() throws Exception {
        analyze(CALLS);
        SyscallEvent read = events.get(0);
        assertEquals(SyscallClock.PERF_UNSTATED, SyscallClock.of(read));
        assertEquals(8842_414_070_000L, read.startNanos());
        assertEquals(64, read.result());
    }

    @Test
    void aHeaderWithClockidOneSaysMonotonicAndIsNotCountedAsMalformed() throws Exception {
        SyscallReport report = analyze(MONOTONIC_HEADER + CALLS);
        assertEquals(SyscallClock.MONOTONIC, SyscallClock.of(events.get(0)));
        assertEquals(0, report.skippedLines());
    }

    @Test
    void aHeaderWithoutClockidSaysPerfsOwnClock() throws Exception {
        analyze(OWN_CLOCK_HEADER + CALLS);
        assertEquals(SyscallClock.PERF_OTHER, SyscallClock.of(events.get(0)));
    }
}
