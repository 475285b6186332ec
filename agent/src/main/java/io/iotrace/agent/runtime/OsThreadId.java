package io.iotrace.agent.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Linux thread id of the calling thread, which strace and perf print. */
final class OsThreadId {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private OsThreadId() {
    }

    /** Reads {@code /proc/thread-self}, a link to {@code PID/task/TID}; 0 where there is no such link. */
    static int current() {
        try {
            String link = Files.readSymbolicLink(THREAD_SELF).toString();
            return Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
        } catch (Throwable e) {
            return 0;
        }
    }
}
