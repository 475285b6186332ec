package io.iotrace.analyzers.model;

import java.util.Set;

/** Gives a thread its role from what it did to connections: accepted them, served them, opened them. */
final class RoleAssigner {

    private RoleAssigner() {
    }

    static ThreadClassification assign(ThreadProfile p, Verdict verdict, Set<Integer> serverConnections,
                                       ThreadModelClassifier.Neighbours loops) {
        long key = p.thread().key();
        int served = (int) p.connectionsTouched().stream().filter(serverConnections::contains).count();
        long workerConnections = p.connectionsTouched().stream()
                .filter(serverConnections::contains).filter(c -> loops.isOwnedByLoop(c, key)).count();
        boolean loop = verdict.detector().equals("multiplexing") || verdict.detector().equals("polling");
        long client = p.connectionsTouched().stream().filter(c -> !serverConnections.contains(c)).count()
                + p.connectionsOpened().size();

        if (verdict.model() == IoModel.NONE) {
            return new ThreadClassification(p, verdict, ThreadRole.IDLE, verdict.evidence(), 0);
        }
        if (verdict.model() == IoModel.ASYNC) {
            long completions = p.asyncSocketCompletions() + p.asyncFileCompletions();
            if (completions > 0) {
                return of(p, verdict, ThreadRole.COMPLETION_HANDLER, "ran " + completions
                        + " completions of operations submitted earlier", Math.max(served, p.connectionsTouched().size()));
            }
        }
        if (served > 0) {
            if (loop) {
                return of(p, verdict, ThreadRole.EVENT_LOOP, "waits for readiness itself and serves " + served
                        + " connections" + acceptedToo(p), served);
            }
            if (workerConnections > 0) {
                return of(p, verdict, ThreadRole.WORKER, "does I/O on " + workerConnections
                        + " connections that a selector thread owns, without waiting for readiness itself", served);
            }
            return of(p, verdict, ThreadRole.CONNECTION_HANDLER, "serves " + served
                    + (served == 1 ? " connection" : " connections") + " that no selector thread touches"
                    + acceptedToo(p), served);
        }
        if (p.accepts() > 0) {
            return of(p, verdict, ThreadRole.ACCEPTOR, "accepted " + p.accepts()
                    + " connections and did no I/O on any", 0);
        }
        if (loop) {
            return of(p, verdict, ThreadRole.EVENT_LOOP, "waits in a selector but served no connection", 0);
        }
        if (client > 0 || p.datagramCalls() > 0) {
            return of(p, verdict, ThreadRole.CLIENT, "does I/O on " + client
                    + " connections it opened or that this process did not accept", 0);
        }
        return of(p, verdict, ThreadRole.OTHER, "no connection I/O: " + verdict.evidence(), 0);
    }

    private static String acceptedToo(ThreadProfile p) {
        return p.accepts() > 0 ? ", and accepted " + p.accepts() : "";
    }

    private static ThreadClassification of(ThreadProfile p, Verdict v, ThreadRole role, String why, int connections) {
        return new ThreadClassification(p, v, role, why, connections);
    }
}
