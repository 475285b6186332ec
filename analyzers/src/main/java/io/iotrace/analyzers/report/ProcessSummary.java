package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.RecordingInfo;

/**
 * The process a report is about, as far as its source shows it.
 *
 * @param pid              its process id
 * @param parentPid        the process that forked it; 0 when the source does not show one (a recording never does)
 * @param command          {@code sun.java.command} for a JVM, the program a syscall log saw it execute; may be null
 * @param javaVersion      {@code java.version}; null for a syscall log
 * @param selectorProvider the JDK's default selector provider class; null for a syscall log
 * @param exit             how it ended ("exited with 0", "killed by SIGKILL"); null when the source does not say
 */
public record ProcessSummary(long pid, long parentPid, String command, String javaVersion, String selectorProvider,
                             String exit) {

    static ProcessSummary of(RecordingInfo info) {
        return info == null ? null
                : new ProcessSummary(info.pid(), 0, info.command(), info.javaVersion(), info.selectorProvider(), null);
    }

    /** A process of a syscall log. */
    public static ProcessSummary ofSyscallLog(long pid, long parentPid, String program, String exit) {
        return new ProcessSummary(pid, parentPid, program, null, null, exit);
    }
}
