package io.iotrace.analyzers.event;

/**
 * The clock a syscall's stamp was read from. Each reader knows it from its format (and perf script from its header,
 * when printed with {@code --header}) and says it in the event's flags.
 */
public enum SyscallClock {
    /** No stamp at all. */
    NONE(0),
    /** strace {@code -ttt}: CLOCK_REALTIME, ns since the epoch. */
    EPOCH(0),
    /** strace {@code -t}/{@code -tt}: ns since midnight, local time. */
    TIME_OF_DAY(SyscallEvent.FLAG_TIME_OF_DAY),
    /** perf trace: ns since perf started. */
    SINCE_TRACER_START(SyscallEvent.FLAG_SINCE_TRACER_START),
    /**
     * perf script without {@code --header}: the clock of {@code perf record}, which is CLOCK_MONOTONIC with
     * {@code -k CLOCK_MONOTONIC} and perf's own sched clock without it; the output does not say which.
     */
    PERF_UNSTATED(SyscallEvent.FLAG_PERF_CLOCK),
    /** CLOCK_MONOTONIC, as perf script's header says: the clock of {@code System.nanoTime()}. */
    MONOTONIC(SyscallEvent.FLAG_MONOTONIC),
    /** Another clock, as perf script's header says: perf's own sched clock when perf record ran without -k. */
    PERF_OTHER(SyscallEvent.FLAG_OTHER_CLOCK);

    private final int flag;

    SyscallClock(int flag) {
        this.flag = flag;
    }

    /** The bit that marks an event's stamp as read from this clock. */
    public int flag() {
        return flag;
    }

    public static SyscallClock of(SyscallEvent event) {
        if (event.startNanos() == SyscallEvent.NO_TIME) {
            return NONE;
        }
        for (SyscallClock clock : values()) {
            if (clock.flag != 0 && event.has(clock.flag)) {
                return clock;
            }
        }
        return EPOCH;
    }
}
