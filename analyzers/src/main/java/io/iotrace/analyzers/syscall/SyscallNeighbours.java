package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.LoopRules;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadModelClassifier;
import io.iotrace.analyzers.model.ThreadModelClassifier.PoolWork;
import io.iotrace.analyzers.model.ThreadProfile;

import java.util.Map;
import java.util.Set;

/**
 * What the detectors ask about a thread's process, answered from syscalls. Without connection identity, a thread
 * serves a loop when another thread of the process waits for readiness and this one reads and writes descriptors in
 * non-blocking mode (the only kind a loop can watch; see {@link DescriptorModes}) without waiting like a loop itself.
 * And a loop that finds connections ready but reads none of them hands them to the threads that do: a watcher.
 *
 * @param loops        tids of the threads whose own verdict is a loop (multiplexing or polling)
 * @param loopMechanism the mechanism of the process's first multiplexing thread, or null
 * @param signalSetups F_SETOWN/F_SETSIG/FASYNC calls anywhere in the process
 * @param poolWork     by tid, the file I/O of the threads each thread started
 */
record SyscallNeighbours(Set<Integer> loops, Mechanism loopMechanism, long signalSetups,
                         Map<Integer, PoolWork> poolWork) implements ThreadModelClassifier.Neighbours {

    @Override
    public boolean servesALoop(ThreadProfile p) {
        boolean anotherLoop = loops.stream().anyMatch(tid -> tid != p.thread().osTid());
        return anotherLoop && p.socketDataCalls() > 0 && p.nonBlockingNetworkCalls() > 0 && p.timedReads() == 0
                && !LoopRules.waitsLikeALoop(p.readinessWaits());
    }

    /** Which connections a loop reads is not in the log. */
    @Override
    public boolean readsAConnectionOfALoop(ThreadProfile p) {
        return false;
    }

    @Override
    public PoolWork poolWork(ThreadProfile p) {
        return poolWork.get(p.thread().osTid());
    }
}
