package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Loops;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadModelClassifier;
import io.iotrace.analyzers.model.ThreadModelClassifier.PoolWork;
import io.iotrace.analyzers.model.ThreadProfile;

import java.util.Map;

/**
 * What the detectors ask about a thread's process, answered from syscalls: which loops own the connections it
 * serves by descriptor identity ({@link SyscallConnections}), as for a recording; and what only a syscall log shows,
 * the calls that asked for I/O signals and the file I/O of the threads a thread started.
 *
 * @param owners        the loops of the process and the connections each touched, accepted or watches
 * @param loopMechanism the mechanism of the process's first multiplexing thread, or null
 * @param signalSetups  F_SETOWN/F_SETSIG/FASYNC calls anywhere in the process
 * @param poolWork      by tid, the file I/O of the threads each thread started
 */
record SyscallNeighbours(Loops owners, Mechanism loopMechanism, long signalSetups,
                         Map<Integer, PoolWork> poolWork) implements ThreadModelClassifier.Neighbours {

    /** Before anyone knows which threads are loops. */
    static SyscallNeighbours alone(long signalSetups, Map<Integer, PoolWork> poolWork) {
        return new SyscallNeighbours(Loops.of(Map.of(), null), null, signalSetups, poolWork);
    }

    @Override
    public boolean servesALoop(ThreadProfile p) {
        return owners.servesALoop(p);
    }

    @Override
    public boolean readsAConnectionOfALoop(ThreadProfile p) {
        return owners.readsAConnectionOfALoop(p);
    }

    @Override
    public PoolWork poolWork(ThreadProfile p) {
        return poolWork.get(p.thread().osTid());
    }
}
