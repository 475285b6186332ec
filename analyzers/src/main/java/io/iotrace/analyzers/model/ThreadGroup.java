package io.iotrace.analyzers.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Threads with the same role, model, mechanism and kind (virtual or platform).
 *
 * @param label      the members' names compressed ({@code worker-1..8})
 * @param role       the shared role
 * @param verdict    the first member's verdict: its model, mechanism and underneath are the group's
 * @param virtual    whether the members are virtual threads
 * @param members    the threads, in the order first seen
 */
public record ThreadGroup(String label, ThreadRole role, Verdict verdict, boolean virtual,
                          List<ThreadClassification> members) {

    /** Distinct connections the members served: workers of one pool share the same connections. */
    public int connections() {
        Set<Integer> served = new HashSet<>();
        members.forEach(m -> served.addAll(m.served()));
        return served.size();
    }
}
