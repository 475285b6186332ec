package io.iotrace.analyzers.source;

/** What a file given as a syscall log turned out to be. */
public enum LogFormat {
    STRACE(true, "an strace log"),
    PERF_TRACE(true, "a perf trace log"),
    PERF_SCRIPT_SYSCALLS(true, "perf script output of syscall or io_uring tracepoints"),
    EMPTY(false, "an empty file"),
    BINARY(false, "binary data, not a text log"),
    JFR(false, "a JFR recording (JDK Flight Recorder), which iotrace does not read; record with iotrace run"),
    LTRACE(false, "an ltrace log: library calls, not syscalls"),
    PERF_SCRIPT_OTHER(false, "perf script output of events that are not syscalls"),
    UNKNOWN(false, "text that is neither an strace nor a perf trace log");

    private final boolean readable;
    private final String looksLike;

    LogFormat(boolean readable, String looksLike) {
        this.readable = readable;
        this.looksLike = looksLike;
    }

    /** Whether the strace, perf trace or perf script reader can read it. */
    public boolean readable() {
        return readable;
    }

    /** A phrase completing "it looks like ...". */
    public String looksLike() {
        return looksLike;
    }
}
