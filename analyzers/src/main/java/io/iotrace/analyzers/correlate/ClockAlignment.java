package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.SyscallClock;

/**
 * How the stamps of a syscall log are placed on a recording's clock, {@code System.nanoTime()}, which on Linux
 * reads CLOCK_MONOTONIC.
 *
 * <ul>
 * <li>strace {@code -ttt} stamps are CLOCK_REALTIME: they are mapped through the recording's (epoch, nanoTime) pair,
 * read back to back at start. Both clocks are slewed alike by NTP, so the mapping holds for the whole run unless the
 * wall clock is stepped.</li>
 * <li>perf script stamps of {@code perf record -k CLOCK_MONOTONIC} are already on the recording's clock: nothing
 * to map. perf script does not say which clock perf recorded with unless run with {@code --header}; without it the
 * stamps are taken as CLOCK_MONOTONIC, and a log of perf's own clock shows as calls that match no syscall.</li>
 * </ul>
 */
record ClockAlignment(SyscallClock clock, RecordingInfo info) {

    /** Whether stamps of {@code clock} can be placed on a recording's clock at all. */
    static boolean possible(SyscallClock clock) {
        return clock == SyscallClock.EPOCH || clock == SyscallClock.PERF_UNSTATED || clock == SyscallClock.MONOTONIC;
    }

    /** A syscall's stamp as a {@code System.nanoTime()} value of the recorded JVM. */
    long toNanoTime(long stamp) {
        return clock == SyscallClock.EPOCH ? info.toNanoTime(stamp) : stamp;
    }

    /** What the report's {@code clock} line says. */
    String describe() {
        return switch (clock) {
            case EPOCH -> "strace -ttt wall-clock entry stamps, mapped to the recording's nanoTime through its"
                    + " (epoch, nanoTime) pair read at start";
            case MONOTONIC -> "perf script CLOCK_MONOTONIC entry stamps (its header says so), the clock of the"
                    + " recording's nanoTime: no mapping";
            default -> "perf script entry stamps taken as CLOCK_MONOTONIC (perf record -k CLOCK_MONOTONIC; the log"
                    + " does not say), the clock of the recording's nanoTime: no mapping";
        };
    }

    /** What to check when most calls matched no syscall. */
    String mismatchHint() {
        return switch (clock) {
            case EPOCH -> "was the log recorded during the same run, with -ttt, on this machine?";
            case MONOTONIC -> "was the log recorded during the same run, on this machine?";
            default -> "was perf record run with -k CLOCK_MONOTONIC, during the same run, on this machine? Without"
                    + " -k, perf stamps with its own clock, which the JVM cannot read";
        };
    }
}
