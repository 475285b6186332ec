package io.iotrace.analyzers.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Threads with the same role, model, mechanism, underneath and kind, serving roles first. */
    public static List<ThreadGroup> of(List<ThreadClassification> threads) {
        Map<List<Object>, List<ThreadClassification>> byKey = new LinkedHashMap<>();
        for (ThreadClassification t : threads) {
            Verdict v = t.verdict();
            List<Object> key = Arrays.asList(t.role(), v.model(), v.mechanism(), v.underneath(),
                    t.profile().thread().virtual());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<ThreadGroup> groups = new ArrayList<>();
        for (List<ThreadClassification> members : byKey.values()) {
            ThreadClassification first = members.get(0);
            String label = NamePattern.of(members.stream().map(m -> m.profile().thread().name()).toList());
            groups.add(new ThreadGroup(label, first.role(), first.verdict(), first.profile().thread().virtual(),
                    List.copyOf(members)));
        }
        groups.sort(Comparator.comparingInt((ThreadGroup g) -> g.role().ordinal())
                .thenComparing(Comparator.comparingInt(ThreadGroup::connections).reversed()));
        return List.copyOf(groups);
    }
}
