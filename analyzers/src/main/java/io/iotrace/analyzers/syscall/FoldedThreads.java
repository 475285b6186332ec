package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;

/**
 * Threads of one process that exited and were folded into one aggregate: same role, model and mechanism, their
 * figures added up in one {@link ThreadActivity} of fixed size, so that a server that started a hundred thousand
 * short-lived threads costs what one of them does.
 */
final class FoldedThreads {
    final int pid;
    final ThreadRole role;
    /** The first folded thread's verdict: its evidence stands for the group's. */
    final Verdict verdict;
    final ThreadActivity merged;
    int threads;

    FoldedThreads(int pid, ThreadRole role, Verdict verdict, ThreadActivity first) {
        this.pid = pid;
        this.role = role;
        this.verdict = verdict;
        this.merged = new ThreadActivity(first.tid, first.firstOrdinal);
    }

    void add(ThreadActivity thread, boolean leader) {
        merged.addAll(thread);
        if (leader) {
            merged.exit = thread.exit;
        }
        threads++;
    }
}
