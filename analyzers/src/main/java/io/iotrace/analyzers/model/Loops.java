package io.iotrace.analyzers.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The threads that wait in a selector or poll, and the connections each of them touched or accepted; and the
 * watchers, loops that touch no connection themselves but find channels ready (a poller thread that hands the
 * ready channels to a pool): a connection no loop touches is theirs when it was used in non-blocking mode, the
 * only mode a selector can watch (a blocking thread-per-connection handler beside some unrelated selector is
 * nobody's worker).
 */
public record Loops(Map<Integer, Set<Long>> loopsByConnection, Map<Integer, Set<Long>> readersByConnection,
                    Set<Long> watchers, Set<Integer> selectableConnections, Mechanism mechanism)
        implements ThreadModelClassifier.Neighbours {

    /** The detectors whose verdict makes a thread a loop that others may serve. */
    private static final Set<String> LOOP_DETECTORS = Set.of("multiplexing", "polling");

    /**
     * @param verdicts         each thread's verdict taken alone, before anyone knew the loops
     * @param selectorProvider the JDK's default selector provider class, for the mechanism when no loop says; may
     *                         be null
     */
    public static Loops of(Map<? extends ThreadProfile, Verdict> verdicts, String selectorProvider) {
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
                // A loop owns what it accepted when it watches more than its listening socket (the JDK's HttpServer
                // dispatcher), or when the connections are non-blocking; an accept loop that hands blocking
                // connections to threads of their own is not their loop.
                boolean watchesConnections = LoopRules.watchesConnections(p.readyResults(), p.accepts());
                p.accepted().stream().filter(c -> watchesConnections || selectable.contains(c))
                        .forEach(c -> byConnection.computeIfAbsent(c, k -> new HashSet<>()).add(key));
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
