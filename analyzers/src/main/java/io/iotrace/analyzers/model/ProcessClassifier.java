package io.iotrace.analyzers.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Classifies every thread of a process, gives each a role, groups them and names the architecture. */
public final class ProcessClassifier {

    private static final Set<String> LOOP_DETECTORS = Set.of("multiplexing", "polling");

    private ProcessClassifier() {
    }

    /**
     * @param profiles         every thread's evidence, in the order first seen
     * @param selectorProvider the JDK's default selector provider class, for the mechanism when no selector was
     *                         seen; may be null
     */
    public static ProcessClassification classify(Collection<? extends ThreadProfile> profiles,
                                                 String selectorProvider) {
        Map<ThreadProfile, Verdict> firstPass = new LinkedHashMap<>();
        ThreadModelClassifier.Neighbours nobody = new Loops(Map.of(), Map.of(), Set.of(), Set.of(),
                Mechanism.ofSelectorClass(selectorProvider));
        for (ThreadProfile p : profiles) {
            firstPass.put(p, ThreadModelClassifier.classify(p, nobody));
        }
        Loops loops = Loops.of(firstPass, selectorProvider);
        Set<Integer> serverConnections = new HashSet<>();
        profiles.forEach(p -> serverConnections.addAll(p.accepted()));

        List<ThreadClassification> threads = new ArrayList<>();
        for (ThreadProfile p : profiles) {
            Verdict verdict = ThreadModelClassifier.classify(p, loops);
            threads.add(RoleAssigner.assign(p, verdict, serverConnections, loops));
        }
        return new ProcessClassification(threads, ThreadGroup.of(threads),
                ArchitectureClassifier.classify(threads, serverConnections.size(),
                        ProcessFacts.none(serverConnections.size())));
    }

    /**
     * The threads that wait in a selector or poll, and the connections each of them touched or accepted; and the
     * watchers, loops that touch no connection themselves but find channels ready (a poller thread that hands the
     * ready channels to a pool): a connection no loop touches is theirs when it was used in non-blocking mode, the
     * only mode a selector can watch (a blocking thread-per-connection handler beside some unrelated selector is
     * nobody's worker).
     */
    record Loops(Map<Integer, Set<Long>> loopsByConnection, Map<Integer, Set<Long>> readersByConnection,
                 Set<Long> watchers, Set<Integer> selectableConnections, Mechanism mechanism)
            implements ThreadModelClassifier.Neighbours {

        static Loops of(Map<ThreadProfile, Verdict> verdicts, String selectorProvider) {
            Map<Integer, Set<Long>> byConnection = new HashMap<>();
            Map<Integer, Set<Long>> readers = new HashMap<>();
            Set<Long> watchers = new HashSet<>();
            Set<Integer> selectable = new HashSet<>();
            Set<Mechanism> mechanisms = new TreeSet<>();
            verdicts.keySet().forEach(p -> selectable.addAll(p.nonBlockingConnections()));
            verdicts.forEach((p, v) -> {
                if (LOOP_DETECTORS.contains(v.detector())) {
                    long key = p.thread().key();
                    if (p.connectionsTouched().isEmpty() && p.accepts() == 0 && p.readyResults() > 0) {
                        watchers.add(key);
                    }
                    for (int c : p.connectionsTouched()) {
                        byConnection.computeIfAbsent(c, k -> new HashSet<>()).add(key);
                        readers.computeIfAbsent(c, k -> new HashSet<>()).add(key);
                    }
                    p.accepted().forEach(c -> byConnection.computeIfAbsent(c, k -> new HashSet<>()).add(key));
                    if (v.mechanism() != null) {
                        mechanisms.add(v.mechanism());
                    }
                }
            });
            Mechanism mechanism = mechanisms.isEmpty() ? Mechanism.ofSelectorClass(selectorProvider)
                    : mechanisms.iterator().next();
            return new Loops(byConnection, readers, watchers, selectable, mechanism);
        }

        @Override
        public boolean servesALoop(ThreadProfile p) {
            return p.connectionsTouched().stream().anyMatch(c -> isOwnedByLoop(c, p.thread().key()));
        }

        @Override
        public boolean readsAConnectionOfALoop(ThreadProfile p) {
            return p.connectionsTouched().stream().anyMatch(c -> isReadByLoop(c, p.thread().key()));
        }

        /** A recording shows no signals: the JDK never asks for them. */
        @Override
        public long signalSetups() {
            return 0;
        }

        /** A recording shows a pool's asynchronous work as the channel's submissions and completions instead. */
        @Override
        public ThreadModelClassifier.PoolWork poolWork(ThreadProfile p) {
            return null;
        }

        /** True when a loop thread other than the given one touched or accepted the connection, or watches it. */
        boolean isOwnedByLoop(int connectionId, long exceptThreadKey) {
            Set<Long> keys = loopsByConnection.get(connectionId);
            if (keys == null) {
                return selectableConnections.contains(connectionId)
                        && watchers.stream().anyMatch(k -> !Objects.equals(k, exceptThreadKey));
            }
            return keys.stream().anyMatch(k -> !Objects.equals(k, exceptThreadKey));
        }

        private boolean isReadByLoop(int connectionId, long exceptThreadKey) {
            Set<Long> keys = readersByConnection.get(connectionId);
            return keys != null && keys.stream().anyMatch(k -> !Objects.equals(k, exceptThreadKey));
        }

        @Override
        public Mechanism loopMechanism() {
            return mechanism;
        }
    }
}
