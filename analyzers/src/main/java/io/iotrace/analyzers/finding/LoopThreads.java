package io.iotrace.analyzers.finding;

import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ProcessClassification;
import io.iotrace.analyzers.model.ThreadClassification;
import io.iotrace.analyzers.model.ThreadRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which threads are event loops, and says why: measured from the recording, named like a known
 * framework's loop or non-blocking thread (whose waits may be invisible at the Java level, as in Netty's native
 * transports; the families are data, {@code non-blocking-threads.tsv}), or named by the user.
 */
final class LoopThreads {
    private record Framework(String name, Pattern threadName) {
    }

    /** Read once from {@code non-blocking-threads.tsv}, the data mirrored from the libraries' BlockHound integrations. */
    private static final List<Framework> FRAMEWORKS = readFrameworks();

    private final Map<Long, String> measured = new HashMap<>();
    private final Pattern userPattern;

    /**
     * @param recording   the recording's classification; its event-loop threads are loops
     * @param userPattern threads whose whole name matches are loops too; null for none
     */
    LoopThreads(ProcessClassification recording, Pattern userPattern) {
        this.userPattern = userPattern;
        if (recording != null) {
            for (ThreadClassification thread : recording.threads()) {
                if (thread.role() == ThreadRole.EVENT_LOOP) {
                    measured.put(thread.profile().thread().javaId(), "measured: " + thread.roleEvidence());
                } else if (reapsItsOwnRing(thread)) {
                    measured.put(thread.profile().thread().javaId(), "measured: waits on its own io_uring ring and"
                            + " runs the completions: " + thread.verdict().evidence());
                }
            }
        }
    }

    /**
     * A completion handler of its own io_uring ring is a loop: what blocks in a handler delays every completion of
     * that ring, as in a selector loop (a JDK async channel group's threads share one port instead).
     */
    private static boolean reapsItsOwnRing(ThreadClassification thread) {
        return thread.role() == ThreadRole.COMPLETION_HANDLER && thread.verdict().mechanism() == Mechanism.IO_URING;
    }

    /** Why this thread is an event loop, or null when it is not one. */
    String reasonFor(long threadId, String threadName) {
        String name = threadName == null ? "" : threadName;
        if (userPattern != null && userPattern.matcher(name).matches()) {
            return "named by --loop-threads " + userPattern.pattern();
        }
        for (Framework framework : FRAMEWORKS) {
            if (framework.threadName().matcher(name).matches()) {
                return "named like a " + framework.name() + " event loop";
            }
        }
        return measured.get(threadId);
    }

    private static List<Framework> readFrameworks() {
        return DataTable.rows("non-blocking-threads.tsv").stream()
                .map(row -> new Framework(row[0], Pattern.compile(row[1]))).toList();
    }
}
