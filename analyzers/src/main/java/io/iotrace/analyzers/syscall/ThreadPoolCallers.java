package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.ThreadModelClassifier.PoolWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each thread, the blocking file I/O that threads it started did (glibc's POSIX AIO helpers, the JDK's
 * AsynchronousFileChannel pool) and how often it waited for them; the thread-pool detector decides whether that
 * makes it asynchronous.
 */
final class ThreadPoolCallers {

    private ThreadPoolCallers() {
    }

    /** The pool work of each thread that started file-only threads, by tid. */
    static Map<Integer, PoolWork> find(List<ThreadActivity> members) {
        Map<Integer, ThreadActivity> byTid = new HashMap<>();
        members.forEach(t -> byTid.put(t.tid, t));
        Map<Integer, PoolWork> callers = new HashMap<>();
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
            if (poolThreads > 0) {
                callers.put(caller.tid, new PoolWork(poolThreads, poolFileCalls, caller.futexCalls));
            }
        }
        return callers;
    }
}
