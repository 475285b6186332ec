package io.iotrace.analyzers.model;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Names how a process serves its connections from its threads' roles and models. */
final class ArchitectureClassifier {

    private ArchitectureClassifier() {
    }

    static ArchitectureVerdict classify(List<ThreadClassification> threads, Set<Integer> serverConnections) {
        List<ThreadClassification> loops = with(threads, t -> t.role() == ThreadRole.EVENT_LOOP && t.connections() > 0);
        List<ThreadClassification> workers = with(threads, t -> t.role() == ThreadRole.WORKER);
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
                    + " of the channel group run the completion handlers for " + connections
                    + " connections", counts, spread, connections);
        }
        if (loops.size() >= 2) {
            return verdict(Architecture.MULTI_EVENT_LOOP, loops.get(0), acceptedBy + count(loops, "selector thread")
                    + " each own some of the " + connections + " connections (" + shares(loops) + ")"
                    + workersPhrase(workers), counts, spread, connections);
        }
        ThreadClassification multiplexingAcceptor = first(acceptors, t -> t.verdict().model() == IoModel.MULTIPLEXING);
        if (loops.size() == 1 || (multiplexingAcceptor != null && !workers.isEmpty())) {
            ThreadClassification loop = loops.isEmpty() ? multiplexingAcceptor : loops.get(0);
            String what = loop.verdict().model() == IoModel.NON_BLOCKING_POLLING
                    ? "one thread busy-polls without a selector: it" : "one selector thread";
            String sentence = (loop.profile().accepts() > 0 ? "" : acceptedBy) + what + loopDoes(loop, connections);
            if (!workers.isEmpty()) {
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

    /** What a single loop does to the process's connections: accepts them, reads them or only watches them. */
    private static String loopDoes(ThreadClassification loop, int connections) {
        boolean accepts = loop.profile().accepts() > 0;
        boolean reads = loop.served().stream().anyMatch(loop.profile().connectionsTouched()::contains);
        String verb = reads ? "reads" : "waits for the readiness of";
        return (accepts ? " accepts and " : " ") + verb + " all " + connections + " connections";
    }

    private static String workersPhrase(List<ThreadClassification> workers) {
        if (workers.isEmpty()) {
            return "";
        }
        long blocking = workers.stream().filter(t -> t.verdict().model() == IoModel.BLOCKING).count();
        String mode = blocking * 2 > workers.size() ? "in blocking mode" : "with non-blocking calls";
        return "; " + count(workers, "worker") + " do the rest of their I/O " + mode;
    }

    private static String shares(List<ThreadClassification> loops) {
        return String.join(", ", loops.stream().map(t -> Integer.toString(t.connections())).toList());
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
