package io.iotrace.analyzers.model;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Names how a process serves its connections from its threads' roles and models. */
final class ArchitectureClassifier {

    private ArchitectureClassifier() {
    }

    static ArchitectureVerdict classify(List<ThreadClassification> threads, Set<Integer> serverConnections) {
        List<ThreadClassification> workers = with(threads, t -> t.role() == ThreadRole.WORKER);
        // A loop that touches no connection itself counts when workers serve the channels it watches.
        List<ThreadClassification> loops = with(threads, t -> t.role() == ThreadRole.EVENT_LOOP
                && (t.connections() > 0 || !workers.isEmpty()));
        List<ThreadClassification> handlers = with(threads, t -> t.role() == ThreadRole.CONNECTION_HANDLER);
        List<ThreadClassification> completers = with(threads, t -> t.role() == ThreadRole.COMPLETION_HANDLER);
        List<ThreadClassification> acceptors = with(threads, t -> t.role() == ThreadRole.ACCEPTOR);
        List<ThreadClassification> asyncSocketCompleters = with(completers, t -> t.profile().asyncSocketCompletions() > 0);
        List<ConnectionShare> spread = threads.stream().filter(t -> t.connections() > 0)
                .sorted(Comparator.comparingInt(ThreadClassification::connections).reversed())
                .map(t -> new ConnectionShare(t.threadKey(), t.profile().thread().name(), t.role(), t.connections()))
                .toList();
        int connections = serverConnections.size();
        String acceptedBy = acceptorPhrase(acceptors);
        String counts = connections + " connections accepted; roles: " + roleCounts(threads);

        if (!asyncSocketCompleters.isEmpty()) {
            ThreadClassification lead = asyncSocketCompleters.get(0);
            return verdict(Architecture.ASYNC_COMPLETION_HANDLERS, lead, count(asyncSocketCompleters, "thread")
                    + (lead.verdict().mechanism() == Mechanism.IO_URING ? ", each with its own io_uring ring,"
                    : " of the channel group") + " run the completion handlers for " + connections
                    + " connections", counts, spread, connections);
        }
        Map<Integer, Set<Integer>> selectors = connectionsBySelector(loops);
        if (selectors.size() >= 2) {
            Architecture architecture = workers.isEmpty() ? Architecture.MULTI_EVENT_LOOP
                    : Architecture.MULTI_EVENT_LOOP_WITH_WORKER_POOL;
            return verdict(architecture, loops.get(0), acceptedBy + selectors.size() + " selectors"
                    + runBy(loops, selectors.size()) + " each own some of the " + connections + " connections ("
                    + shares(selectors) + ")" + workersPhrase(workers), counts, spread, connections);
        }
        ThreadClassification multiplexingAcceptor = first(acceptors, t -> t.verdict().model() == IoModel.MULTIPLEXING);
        if (!loops.isEmpty() || (multiplexingAcceptor != null && !workers.isEmpty())) {
            ThreadClassification loop = loops.isEmpty() ? multiplexingAcceptor : loops.get(0);
            String what = loop.verdict().model() == IoModel.NON_BLOCKING_POLLING
                    ? "one thread busy-polls without a selector: it"
                    : loops.size() > 1 ? "one selector" + runBy(loops, 1) : "one selector thread";
            String sentence = (loop.profile().accepts() > 0 ? "" : acceptedBy) + what + loopDoes(loops, loop, connections);
            // Pool threads that take turns waiting in the one selector serve its connections in between: a pool.
            if (!workers.isEmpty() || loops.size() > 1) {
                return verdict(Architecture.EVENT_LOOP_WITH_WORKER_POOL, loop, sentence + workersPhrase(workers),
                        counts, spread, connections);
            }
            return verdict(Architecture.SINGLE_EVENT_LOOP, loop, sentence, counts, spread, connections);
        }
        if (!handlers.isEmpty()) {
            long virtual = handlers.stream().filter(t -> t.profile().thread().virtual()).count();
            boolean mostlyVirtual = virtual * 2 > handlers.size();
            Architecture architecture = mostlyVirtual ? Architecture.VIRTUAL_THREAD_PER_CONNECTION
                    : Architecture.THREAD_PER_CONNECTION;
            String sentence = acceptedBy + count(handlers, mostlyVirtual ? "virtual thread" : "thread")
                    + (handlers.size() == 1 ? " serves " : " serve ") + connections + " connections, blocking in read and write"
                    + (mostlyVirtual ? " (multiplexed by the JDK's poller)" : "");
            return verdict(architecture, handlers.get(0), sentence, counts, spread, connections);
        }
        if (!acceptors.isEmpty()) {
            ThreadClassification acceptor = acceptors.get(0);
            Architecture guess = acceptor.verdict().model() == IoModel.MULTIPLEXING ? Architecture.SINGLE_EVENT_LOOP
                    : Architecture.THREAD_PER_CONNECTION;
            return new ArchitectureVerdict(guess, acceptor.verdict().model(), acceptor.verdict().mechanism(),
                    acceptor.verdict().underneath(), acceptedBy + "no thread read or wrote them",
                    counts, Confidence.LOW, connections, spread);
        }
        ThreadClassification worker = mainWorker(threads);
        if (worker == null) {
            return new ArchitectureVerdict(Architecture.NONE, IoModel.NONE, null, null, "no I/O was recorded",
                    counts, Confidence.HIGH, 0, spread);
        }
        return verdict(Architecture.NONE, worker, "serves no connections: " + roleCounts(threads), counts, spread, 0);
    }

    /**
     * Without a server, the model of the thread that did the most I/O, async first (it is the one users miss), and
     * among async threads the one that runs the completions (it shows the mechanism).
     */
    private static ThreadClassification mainWorker(List<ThreadClassification> threads) {
        ThreadClassification async = first(threads, t -> t.role() == ThreadRole.COMPLETION_HANDLER);
        if (async == null) {
            async = first(threads, t -> t.verdict().model() == IoModel.ASYNC);
        }
        if (async != null) {
            return async;
        }
        return threads.stream().filter(t -> t.verdict().model() != IoModel.NONE)
                .max(Comparator.comparingLong(t -> t.profile().decidingCalls())).orElse(null);
    }

    private static ArchitectureVerdict verdict(Architecture architecture, ThreadClassification lead, String sentence,
                                               String evidence, List<ConnectionShare> spread, int connections) {
        Verdict v = lead.verdict();
        Confidence confidence = connections == 0 && architecture != Architecture.NONE ? Confidence.LOW
                : v.confidence();
        return new ArchitectureVerdict(architecture, v.model(), v.mechanism(), v.underneath(), sentence, evidence,
                confidence, connections, spread);
    }

    private static String acceptorPhrase(List<ThreadClassification> acceptors) {
        if (acceptors.isEmpty()) {
            return "";
        }
        long accepted = acceptors.stream().mapToLong(t -> t.profile().accepts()).sum();
        String how = acceptors.get(0).verdict().model() == IoModel.MULTIPLEXING ? " (in a selector)" : "";
        return count(acceptors, "thread") + how + " accepts " + accepted + " connections; ";
    }

    /**
     * The selectors the loops waited in, each with the connections its threads served; a loop that polls without
     * a selector is a selector of its own. Loops are counted by selector, not by thread: one selector that pool
     * threads take turns to run is one loop.
     */
    private static Map<Integer, Set<Integer>> connectionsBySelector(List<ThreadClassification> loops) {
        Map<Integer, Set<Integer>> selectors = new TreeMap<>();
        int ownSelector = -1;
        for (ThreadClassification loop : loops) {
            Set<Integer> ids = loop.profile().selectorsWaitedIn();
            if (ids.isEmpty()) {
                ids = Set.of(ownSelector--);
            }
            for (int id : ids) {
                selectors.computeIfAbsent(id, k -> new HashSet<>()).addAll(loop.served());
            }
        }
        return selectors;
    }

    /** ", run by 3 threads in turn" when fewer selectors than loop threads, else nothing. */
    private static String runBy(List<ThreadClassification> loops, int selectors) {
        return loops.size() > selectors ? ", run by " + loops.size() + " threads in turn," : "";
    }

    /** What a single loop does to the process's connections: accepts them, reads them or only watches them. */
    private static String loopDoes(List<ThreadClassification> loops, ThreadClassification loop, int connections) {
        boolean accepts = loops.stream().anyMatch(t -> t.profile().accepts() > 0) || loop.profile().accepts() > 0;
        boolean reads = loops.stream().anyMatch(t -> t.served().stream()
                .anyMatch(t.profile().connectionsTouched()::contains));
        String verb = reads ? "reads" : "waits for the readiness of";
        return (accepts ? " accepts and " : " ") + verb + " all " + connections + " connections";
    }

    private static String workersPhrase(List<ThreadClassification> workers) {
        if (workers.isEmpty()) {
            return "";
        }
        long blocking = workers.stream().filter(t -> t.verdict().model() == IoModel.BLOCKING).count();
        String mode = blocking * 2 > workers.size() ? "in blocking mode" : "with non-blocking calls";
        return "; " + count(workers, "worker") + (workers.size() == 1 ? " does" : " do") + " the rest of their I/O "
                + mode;
    }

    private static String shares(Map<Integer, Set<Integer>> selectors) {
        return String.join(", ", selectors.values().stream().map(c -> Integer.toString(c.size())).toList());
    }

    private static String roleCounts(List<ThreadClassification> threads) {
        Map<ThreadRole, Integer> counts = new EnumMap<>(ThreadRole.class);
        threads.forEach(t -> counts.merge(t.role(), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    private static String count(List<?> things, String noun) {
        int n = things.size();
        return (n == 1 ? "one " + noun : n + " " + noun + "s");
    }

    private static List<ThreadClassification> with(List<ThreadClassification> threads,
                                                   Predicate<ThreadClassification> test) {
        return threads.stream().filter(test).toList();
    }

    private static ThreadClassification first(List<ThreadClassification> threads,
                                              Predicate<ThreadClassification> test) {
        return threads.stream().filter(test).findFirst().orElse(null);
    }
}
