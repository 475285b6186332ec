package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds asynchronous I/O done by a thread pool (glibc's POSIX AIO, the JDK's AsynchronousFileChannel): the caller
 * never reads itself; threads it started do blocking file reads and writes and wake it through futexes, and it
 * waits for them in futexes over and over. A thread that starts workers and joins them once (a JVM's launcher)
 * waits a handful of times, not once per few operations.
 */
final class ThreadPoolCallers {
    /** The pool must have done at least this much for the pattern to say anything. */
    private static final int MIN_POOL_CALLS = 20;
    /** The caller waits at least once per this many of the pool's calls. */
    private static final int POOL_CALLS_PER_WAIT = 20;

    private ThreadPoolCallers() {
    }

    /** The verdict of each caller found, by tid. */
    static Map<Integer, Verdict> find(List<ThreadActivity> members) {
        Map<Integer, ThreadActivity> byTid = new HashMap<>();
        members.forEach(t -> byTid.put(t.tid, t));
        Map<Integer, Verdict> callers = new HashMap<>();
        for (ThreadActivity caller : members) {
            long poolFileCalls = 0;
            int poolThreads = 0;
            for (ThreadActivity.Spawn spawn : caller.spawns) {
                ThreadActivity helper = spawn.thread() ? byTid.get(spawn.child()) : null;
                if (helper != null && helper.fileDataCalls > 0 && helper.socketDataCalls == 0) {
                    poolFileCalls += helper.fileDataCalls;
                    poolThreads++;
                }
            }
            boolean neverReads = caller.dataCalls() * 10 <= poolFileCalls;
            boolean waitsPerOperation = caller.futexCalls * POOL_CALLS_PER_WAIT >= poolFileCalls;
            if (poolFileCalls >= MIN_POOL_CALLS && neverReads && waitsPerOperation) {
                callers.put(caller.tid, SyscallThreadClassifier.of(IoModel.ASYNC, Mechanism.THREAD_POOL, poolFileCalls,
                        "thread-pool-caller",
                        poolThreads + " threads it started made " + poolFileCalls + " blocking file reads and writes",
                        caller.dataCalls() + " data calls of its own, " + caller.futexCalls
                                + " futex calls waiting for and waking the pool"));
            }
        }
        return callers;
    }
}
