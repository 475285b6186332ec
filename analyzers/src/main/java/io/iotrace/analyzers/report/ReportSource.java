package io.iotrace.analyzers.report;

/** Where a report's figures come from; {@link #toString()} is the JSON name. */
public enum ReportSource {
    /** The agent's recording of the JVM's Java calls. */
    RECORDING("recording"),
    /** A strace or perf log of the process's syscalls. */
    SYSCALL_LOG("syscall log");

    private final String jsonName;

    ReportSource(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
