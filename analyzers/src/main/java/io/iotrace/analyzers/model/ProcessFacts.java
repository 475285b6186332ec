package io.iotrace.analyzers.model;

import java.util.List;

/**
 * What a source shows of a process beyond its threads: the processes and threads it started right after accepting
 * a connection, and its child processes' models. A syscall log shows them; a recording is one JVM and shows none.
 *
 * @param accepts            connections its threads accepted
 * @param processForks       child processes it forked
 * @param forksAfterAccept   of those, forked right after an accept
 * @param threadsAfterAccept threads started right after an accept
 * @param children           the models of its child processes
 * @param childrenAccepting  children that accept connections themselves
 */
public record ProcessFacts(long accepts, long processForks, long forksAfterAccept, long threadsAfterAccept,
                           List<Verdict> children, long childrenAccepting) {

    /** A process whose source shows nothing of the kind (one JVM's recording). */
    public static ProcessFacts none(long accepts) {
        return new ProcessFacts(accepts, 0, 0, 0, List.of(), 0);
    }
}
