package io.iotrace.analyzers.event;

/**
 * One line of a syscall log: a call, half of a call split by another thread's output, a signal, or an exit.
 *
 * @param tid            thread id; 0 when the log names none (a single-task log)
 * @param startNanos     when the call started (or the signal arrived), on the clock the {@code FLAG_*} clock bits
 *                       name ({@link SyscallClock#of}): epoch ns when none is set; {@link #NO_TIME} when the log
 *                       has no timestamps
 * @param durationNanos  time spent in the call ({@code -T}), {@link #NO_TIME} when not known
 * @param kind           what the line is
 * @param name           syscall name, or signal name for {@link Kind#SIGNAL} and {@link Kind#KILLED}
 * @param fd             the first argument when it is a descriptor (for {@code mmap} the mapped one, for a signal
 *                       {@code si_fd}), else -1
 * @param fdKind         what {@link #fd} refers to
 * @param result         return value (exit status for {@link Kind#EXIT}); meaningless when {@link #FLAG_NO_RESULT}
 * @param errno          error name such as {@code EAGAIN}, or null
 * @param resultFdKind   what a returned descriptor refers to, when the log decorates it
 * @param argument       one more argument some calls need: length for {@code mmap}, the single watched fd for a
 *                       one-descriptor {@code poll}/{@code select}
 * @param text           a string argument worth keeping: the program path of {@code execve}, else null
 * @param flags          {@code FLAG_*} bits
 */
public record SyscallEvent(int tid, long startNanos, long durationNanos, Kind kind, String name, int fd,
                           FdKind fdKind, long result, String errno, FdKind resultFdKind, long argument,
                           String text, int flags) {

    /** What kind of line an event came from. */
    public enum Kind { CALL, UNFINISHED, RESUMED, SIGNAL, EXIT, KILLED }

    public static final long NO_TIME = Long.MIN_VALUE;

    /** {@code clone}/{@code clone3} made a thread of the same process. */
    public static final int FLAG_CLONE_THREAD = 1;
    /** {@code fcntl}/{@code ioctl} asked for signal-driven I/O: F_SETOWN, F_SETSIG, FASYNC or FIOASYNC. */
    public static final int FLAG_ASYNC_SETUP = 2;
    /** A readiness wait on exactly one descriptor, given in {@link #argument}. */
    public static final int FLAG_SINGLE_FD_WAIT = 4;
    /** The call returned {@code ?}: it never returned, or strace could not tell. */
    public static final int FLAG_NO_RESULT = 8;
    /** {@link #startNanos} counts from midnight ({@code -t}, {@code -tt}), not from the epoch. */
    public static final int FLAG_TIME_OF_DAY = 16;
    /** {@link #startNanos} counts from the tracer's start ({@code perf trace}). */
    public static final int FLAG_SINCE_TRACER_START = 32;
    /** {@link #startNanos} is on the clock perf recorded with, which the log does not name. */
    public static final int FLAG_PERF_CLOCK = 64;
    /** {@link #startNanos} is CLOCK_MONOTONIC, as the log's own header says. */
    public static final int FLAG_MONOTONIC = 128;
    /** {@link #startNanos} is on a clock other than CLOCK_MONOTONIC, as the log's own header says. */
    public static final int FLAG_OTHER_CLOCK = 256;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean failed() {
        return errno != null;
    }
}
