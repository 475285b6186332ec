package io.iotrace.analyzers.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.SyscallEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Syscalls go to the call of their thread whose window holds them, once placed on the recording's clock; the rest is
 * outside any call.
 */
class CorrelatorTest {
    /** The recording's clock pair: nanoTime 1,000 was epoch 1.7e18 ns. */
    private static final RecordingInfo INFO = new RecordingInfo(77, "17", "Main", "EPoll", 1_700_000_000_000_000_000L,
            1_000);
    private static final long EPOCH = INFO.epochNanosAtStart();
    private static final ThreadInfo WORKER = new ThreadInfo(1, 10, 501, "worker-1", false);
    private static final ThreadInfo VIRTUAL = new ThreadInfo(2, 11, 0, "virtual-1", true);
    private static final Resource SOCKET = new Resource(1, ResourceKind.SOCKET_CHANNEL, "127.0.0.1:1->127.0.0.1:2");

    private final JavaCallTimeline java = new JavaCallTimeline(StraceWindow.WHOLE_RUN);

    CorrelatorTest() {
        java.begin(INFO);
    }

    /** A read of {@code thread} that started at {@code atMicros} µs after the recording's start, for 100 µs. */
    private void read(ThreadInfo thread, long atMicros, BufferKind buffer) {
        readIn(java, thread, atMicros, 100, buffer);
    }

    /** A timeline of calls that strace saw from 1,000 µs to 3,000 µs after the recording's start. */
    private static JavaCallTimeline strace1To3Milliseconds() {
        JavaCallTimeline window = new JavaCallTimeline(new StraceWindow(1_000 + 1_000 * 1_000, 1_000 + 3_000 * 1_000));
        window.begin(INFO);
        return window;
    }

    /** A heap-buffer read of the worker on {@code timeline}, {@code atMicros} after the start, lasting so long. */
    private static void readIn(JavaCallTimeline timeline, long atMicros, long durationMicros) {
        readIn(timeline, WORKER, atMicros, durationMicros, BufferKind.HEAP_BUFFER);
    }

    private static void readIn(JavaCallTimeline timeline, ThreadInfo thread, long atMicros, long durationMicros,
                               BufferKind buffer) {
        timeline.onEvent(new IoEvent(1_000 + atMicros * 1_000, durationMicros * 1_000, thread, Operation.READ, SOCKET,
                true, 64, 64, Outcome.OK, buffer, 0, 0));
    }

    private static SyscallEvent syscall(int tid, long atMicros, String name) {
        return new SyscallEvent(tid, EPOCH + atMicros * 1_000, 5_000, SyscallEvent.Kind.CALL, name, 3, FdKind.SOCKET,
                64, null, FdKind.UNKNOWN, 0, null, 0);
    }

    /** A syscall perf stamped {@code atMicros} µs after the recording's start, on the clock given by {@code flag}. */
    private static SyscallEvent perfSyscall(int tid, long atMicros, String name, int flag) {
        return new SyscallEvent(tid, INFO.nanoTimeAtStart() + atMicros * 1_000, 5_000, SyscallEvent.Kind.CALL, name,
                3, FdKind.UNKNOWN, 64, null, FdKind.UNKNOWN, 0, null, flag);
    }

    private CorrelationReport correlate(SyscallEvent... events) {
        return correlate(java, events);
    }

    private static CorrelationReport correlate(JavaCallTimeline timeline, SyscallEvent... events) {
        SyscallTimeline syscalls = new SyscallTimeline(timeline.osThreads());
        for (SyscallEvent event : events) {
            syscalls.accept(event);
        }
        return Correlator.correlate(timeline, syscalls, StraceSlowdown.unknown("not measured in this test"));
    }

    @Test
    void aSyscallInsideACallsWindowBelongsToItAndOneOutsideToItsThread() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        read(WORKER, 1_000, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(syscall(501, 20, "read"), syscall(501, 500, "epoll_wait"),
                syscall(501, 1_050, "futex"), syscall(501, 1_060, "read"), syscall(501, 5_000, "futex"));

        CallSyscalls reads = report.call("read", "heap ByteBuffer", "socket channel");
        assertEquals(2, reads.calls());
        assertEquals(Map.of("read", 2L, "futex", 1L), reads.syscalls());
        assertEquals(2, reads.callsThatMade("read"), "futex is the JVM's own, not what the read asked for");
        ThreadOutsideCalls outside = report.outsideCalls().get(0);
        assertEquals("worker-1", outside.thread());
        assertEquals(Map.of("epoll_wait", 1L), outside.io());
        assertEquals(Map.of("futex", 1L), outside.other());
    }

    /**
     * strace joined at 1,000 µs and left at 3,000 µs: a read blocked across the join made a read syscall strace saw,
     * which is that call's, not one made outside any call; the call itself is not counted, as strace missed its start.
     */
    @Test
    void aCallThatStraceSawOnlyPartOfKeepsItsSyscallsButIsNotCounted() {
        JavaCallTimeline window = strace1To3Milliseconds();
        readIn(window, 900, 200);
        readIn(window, 2_000, 100);
        readIn(window, 5_000, 100);
        CorrelationReport report = correlate(window, syscall(501, 1_050, "read"), syscall(501, 2_020, "read"),
                syscall(501, 2_500, "epoll_wait"));

        assertEquals(1, report.javaCalls(), "only the read strace saw whole");
        assertEquals(2, report.callsOutsideStrace(), "the half-seen read and the one after strace left");
        CallSyscalls reads = report.call("read", "heap ByteBuffer", "socket channel");
        assertEquals(1, reads.calls());
        assertEquals(Map.of("read", 1L), reads.syscalls());
        assertEquals(Map.of("epoll_wait", 1L), report.outsideCalls().get(0).io(), "the half-seen read's syscall is"
                + " not outside any call");
    }

    /**
     * strace logs a thread from before it says it holds them all until after it is told to let go; the calls of
     * those moments are left out, so their syscalls were made by a call, only not one that is matched.
     */
    @Test
    void syscallsStraceLoggedOutsideItsWindowAreNeitherMatchedNorOutsideAnyCall() {
        JavaCallTimeline window = strace1To3Milliseconds();
        readIn(window, 800, 100);
        readIn(window, 2_000, 100);
        readIn(window, 3_200, 100);
        CorrelationReport report = correlate(window, syscall(501, 820, "read"), syscall(501, 2_020, "read"),
                syscall(501, 2_500, "epoll_wait"), syscall(501, 3_220, "read"));

        assertEquals(1, report.javaCalls());
        assertEquals(Map.of("read", 1L), report.call("read", "heap ByteBuffer", "socket channel").syscalls());
        assertEquals(1, report.outsideCalls().size());
        assertEquals(Map.of("epoll_wait", 1L), report.outsideCalls().get(0).io(), "the reads before and after the"
                + " window are not outside any call");
        assertEquals(2, report.syscallsOutsideStrace(), "but they are counted");
    }

    /** A heap buffer's read may take a temporary direct buffer whose malloc maps memory: not what the read asked. */
    @Test
    void memoryTheAllocatorMapsInsideAReadIsNotWhatTheReadAskedFor() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        read(WORKER, 1_000, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(syscall(501, 10, "mmap"), syscall(501, 20, "read"),
                syscall(501, 1_020, "read"));

        CallSyscalls reads = report.call("read", "heap ByteBuffer", "socket channel");
        assertEquals(Map.of("read", 2L), reads.perCall(), "each read made one read syscall");
        assertEquals(Map.of("mmap", 1L, "read", 2L), reads.syscalls(), "the mmap is still counted");
    }

    @Test
    void aStampWithinTheSlackBeforeACallStillCountsForIt() {
        read(WORKER, 0, BufferKind.DIRECT_BUFFER);
        CorrelationReport report = correlate(syscall(501, -50, "read"), syscall(501, -5, "read"));
        assertEquals(1, report.call("read", "direct ByteBuffer", "socket channel").callsThatMade("read"));
        assertEquals(Map.of("read", 1L), report.outsideCalls().get(0).io());
    }

    @Test
    void aCallWithoutSyscallsAndOtherThreadsSyscallsAreCountedApart() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        read(VIRTUAL, 0, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(syscall(999, 20, "read"), syscall(999, 30, "futex"));
        assertEquals(1, report.call("read", "heap ByteBuffer", "socket channel").callsThatMade("none"));
        assertEquals(2, report.syscallsOfOtherThreads());
        assertEquals(1, report.callsWithoutOsThread());
        assertEquals(List.of(), report.outsideCalls());
    }

    @Test
    void aLogWithTimesOfDayCannotBeMatchedAndSaysWhy() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        SyscallTimeline syscalls = new SyscallTimeline(Set.of(501));
        syscalls.accept(new SyscallEvent(501, 3_600_000_000_000L, 5_000, SyscallEvent.Kind.CALL, "read", 3,
                FdKind.SOCKET, 64, null, FdKind.UNKNOWN, 0, null, SyscallEvent.FLAG_TIME_OF_DAY));
        CorrelationReport report = Correlator.correlate(java, syscalls, StraceSlowdown.unknown("not measured in this test"));
        assertTrue(report.warnings().get(0).contains("strace -ttt"), report.warnings().toString());
    }

    @Test
    void whenMostCallsMatchNoSyscallTheReportWarnsThatTheClocksMayDisagree() {
        SyscallEvent[] shifted = new SyscallEvent[20];
        for (int i = 0; i < 20; i++) {
            read(WORKER, i * 1_000L, BufferKind.HEAP_BUFFER);
            shifted[i] = syscall(501, i * 1_000L + 500, "read");
        }
        CorrelationReport report = correlate(shifted);
        assertEquals(20, report.call("read", "heap ByteBuffer", "socket channel").callsThatMade("none"));
        assertTrue(report.warnings().get(0).contains("clocks may disagree"), report.warnings().toString());
    }

    @Test
    void perfStampsAreTakenAsTheRecordingsOwnClockWithoutMapping() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        read(WORKER, 1_000, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(perfSyscall(501, 20, "read", SyscallEvent.FLAG_PERF_CLOCK),
                perfSyscall(501, 500, "epoll_wait", SyscallEvent.FLAG_PERF_CLOCK),
                perfSyscall(501, 1_060, "read", SyscallEvent.FLAG_PERF_CLOCK));
        assertEquals(2, report.call("read", "heap ByteBuffer", "socket channel").callsThatMade("read"));
        assertEquals(Map.of("epoll_wait", 1L), report.outsideCalls().get(0).io());
        assertTrue(report.clock().startsWith("perf script entry stamps taken as CLOCK_MONOTONIC"), report.clock());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void perfStampsOfPerfsOwnClockMatchNothingAndTheWarningNamesTheMissingOption() {
        SyscallEvent[] ownClock = new SyscallEvent[20];
        for (int i = 0; i < 20; i++) {
            read(WORKER, i * 1_000L, BufferKind.HEAP_BUFFER);
            // perf's sched clock ran 1.5 ms ahead of CLOCK_MONOTONIC on the machine this was written on.
            ownClock[i] = perfSyscall(501, i * 1_000L + 1_500, "read", SyscallEvent.FLAG_PERF_CLOCK);
        }
        CorrelationReport report = correlate(ownClock);
        assertEquals(20, report.call("read", "heap ByteBuffer", "socket channel").callsThatMade("none"));
        assertTrue(report.warnings().get(0).contains("clocks may disagree")
                && report.warnings().get(0).contains("-k CLOCK_MONOTONIC"), report.warnings().toString());
    }

    @Test
    void aPerfLogWhoseHeaderNamesAnotherClockCannotBeMatchedAndSaysWhy() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(perfSyscall(501, 20, "read", SyscallEvent.FLAG_OTHER_CLOCK));
        assertTrue(report.warnings().get(0).contains("without -k CLOCK_MONOTONIC"), report.warnings().toString());
        assertTrue(report.clock().startsWith("not aligned"), report.clock());
    }

    @Test
    void stampsOfASecondClockAreLeftOutWithAWarning() {
        read(WORKER, 0, BufferKind.HEAP_BUFFER);
        CorrelationReport report = correlate(syscall(501, 20, "read"),
                perfSyscall(501, 30, "read", SyscallEvent.FLAG_MONOTONIC));
        assertEquals(Map.of("read", 1L), report.call("read", "heap ByteBuffer", "socket channel").syscalls());
        assertTrue(report.clock().startsWith("strace -ttt"), report.clock());
        assertTrue(report.warnings().get(0).startsWith("1 syscalls were stamped with another clock"),
                report.warnings().toString());
    }
}
