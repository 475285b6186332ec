package io.iotrace.analyzers.model;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives a thread its role from what it did to connections: accepted them, served them, opened them; whatever the
 * source, which tells the connections apart by the agent's channel ids or by a syscall log's descriptors.
 */
public final class RoleAssigner {

    private RoleAssigner() {
    }

    /**
     * @param verdict           the thread's model, knowing the loops
     * @param serverConnections the connections the program accepted
     * @param loops             which loops touched, accepted or watch each connection
     */
    public static ThreadClassification assign(ThreadProfile p, Verdict verdict, Set<Integer> serverConnections,
                                              Loops loops) {
        long key = p.thread().key();
        Set<Integer> served = p.connectionsTouched().stream().filter(serverConnections::contains)
                .collect(Collectors.toUnmodifiableSet());
        long workerConnections = served.stream().filter(c -> loops.isOwnedByLoop(c, key)).count();
        // A thread that I/O signals wake waits for readiness as a loop does, only told by the kernel instead.
        boolean loop = verdict.detector().equals("multiplexing") || verdict.detector().equals("polling")
                || verdict.model() == IoModel.SIGNAL_DRIVEN;
        long client = p.connectionsTouched().stream().filter(c -> !serverConnections.contains(c)).count()
                + p.connectionsOpened().size();

        if (verdict.model() == IoModel.NONE) {
            return of(p, verdict, ThreadRole.IDLE, verdict.evidence(), Set.of());
        }
        if (verdict.model() == IoModel.ASYNC) {
            ThreadProfile.AsyncUse async = p.asyncUse();
            long completions = async == null ? 0 : async.completions();
            long submits = async == null ? 0 : async.submits();
            // A handler submits its next operation as it completes one; a thread that submits far more than it
            // completes hands its operations to others.
            if (completions > 0 && completions * 2 >= submits) {
                Set<Integer> completedOn = served.isEmpty() ? Set.copyOf(p.connectionsTouched()) : served;
                return of(p, verdict, ThreadRole.COMPLETION_HANDLER, "ran " + completions
                        + " completions of operations submitted earlier", completedOn);
            }
            if (served.isEmpty() && p.accepts() == 0) {
                return of(p, verdict, ThreadRole.OTHER, "submitted " + submits
                        + " asynchronous operations and completed " + completions + " of them itself", Set.of());
            }
        }
        if (!served.isEmpty()) {
            if (loop) {
                return of(p, verdict, ThreadRole.EVENT_LOOP, "waits for readiness itself and serves " + served.size()
                        + " connections" + acceptedToo(p), served);
            }
            if (workerConnections > 0) {
                return of(p, verdict, ThreadRole.WORKER, "does I/O on " + workerConnections
                        + " connections that a selector thread owns, without waiting for readiness itself", served);
            }
            return of(p, verdict, ThreadRole.CONNECTION_HANDLER, "serves " + served.size()
                    + (served.size() == 1 ? " connection" : " connections") + " that no selector thread touches"
                    + acceptedToo(p), served);
        }
        if (verdict.detector().equals("handed-over")) {
            // A loop owns its connections, though nobody was seen to accept them (open before the trace began).
            return of(p, verdict, ThreadRole.WORKER, "does I/O on " + p.connectionsTouched().size()
                    + " connections that a selector thread owns, without waiting for readiness itself", Set.of());
        }
        if (loop && p.accepts() > 0 && LoopRules.watchesConnections(p.readyResults(), p.accepts())) {
            // Its selects found more ready keys than it accepted connections: it watches the connections as well,
            // and other threads read them once it has seen them ready.
            return of(p, verdict, ThreadRole.EVENT_LOOP, "accepted " + p.accepts() + " connections and waits for"
                    + " their readiness (" + p.readyResults() + " ready keys) but leaves the reads to other threads",
                    Set.copyOf(p.accepted()));
        }
        if (p.accepts() > 0) {
            return of(p, verdict, ThreadRole.ACCEPTOR, "accepted " + p.accepts()
                    + " connections and did no I/O on any", Set.of());
        }
        if (loop && p.readyResults() > 0) {
            return of(p, verdict, ThreadRole.EVENT_LOOP, "waits in a selector for channels it does not read or write"
                    + " itself (" + p.readyResults() + " ready keys)", Set.of());
        }
        if (loop) {
            return of(p, verdict, ThreadRole.EVENT_LOOP, "waits in a selector but served no connection", Set.of());
        }
        if (client > 0 || p.datagramCalls() > 0) {
            return of(p, verdict, ThreadRole.CLIENT, "does I/O on " + client
                    + " connections it opened or that this process did not accept", Set.of());
        }
        return of(p, verdict, ThreadRole.OTHER, "no connection I/O: " + verdict.evidence(), Set.of());
    }

    private static String acceptedToo(ThreadProfile p) {
        return p.accepts() > 0 ? ", and accepted " + p.accepts() : "";
    }

    private static ThreadClassification of(ThreadProfile p, Verdict v, ThreadRole role, String why,
                                           Set<Integer> served) {
        return new ThreadClassification(p, v, role, why, served);
    }
}
