package io.iotrace.analyzers.model;

import java.util.List;

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

    public int connections() {
        return members.stream().mapToInt(ThreadClassification::connections).sum();
    }
}
