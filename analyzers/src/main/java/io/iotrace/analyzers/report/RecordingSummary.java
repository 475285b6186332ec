package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.RecordingInfo;

/**
 * The traced JVM.
 *
 * @param pid              its process id
 * @param javaVersion      {@code java.version}
 * @param command          {@code sun.java.command}
 * @param selectorProvider the JDK's default selector provider class
 */
public record RecordingSummary(long pid, String javaVersion, String command, String selectorProvider) {

    static RecordingSummary of(RecordingInfo info) {
        return info == null ? null
                : new RecordingSummary(info.pid(), info.javaVersion(), info.command(), info.selectorProvider());
    }
}
