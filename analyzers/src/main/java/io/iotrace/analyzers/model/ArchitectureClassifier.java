package io.iotrace.analyzers.model;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Names how a process serves its connections from its threads' roles and models, whatever the source: ordered
 * detectors, the first that matches wins. A recording knows which connection each thread served; a syscall log
 * knows which processes and threads were started right after an accept; each detector uses what it is given.
 */
public final class ArchitectureClassifier {

    private static final List<Function<Process, ArchitectureVerdict>> DETECTORS = List.of(
            ArchitectureClassifier::processPerConnection,
            ArchitectureClassifier::multiProcessEventLoop,
            ArchitectureClassifier::threadStartedPerConnection,
            ArchitectureClassifier::asyncCompletionHandlers,
            ArchitectureClassifier::severalSelectors,
            ArchitectureClassifier::oneSelector,
            ArchitectureClassifier::handlerPerConnection,
            ArchitectureClassifier::acceptorsOnly,
            ArchitectureClassifier::noServer);

    private static final Verdict NO_IO = new Verdict(IoModel.NONE, null, null, Confidence.HIGH, "no I/O was recorded",
            "no-io");

    private ArchitectureClassifier() {
    }

    /**
     * @param threads     every thread of the process, classified
     * @param connections the server-side connections: accepted or served, counted once each
     * @param facts       what the source shows of the process beyond its threads
     */
    public static ArchitectureVerdict classify(List<ThreadClassification> threads, int connections,
                                               ProcessFacts facts) {
        Process process = Process.of(threads, connections, facts);
        for (Function<Process, ArchitectureVerdict> detector : DETECTORS) {
            ArchitectureVerdict verdict = detector.apply(process);
            if (verdict != null) {
                return withProcessModel(verdict, threads);
            }
        }
        throw new IllegalStateException("no architecture detector matched; the last must match every process");
    }

    /** The process's model is its data carriers', whichever thread leads the architecture's sentence. */
    private static ArchitectureVerdict withProcessModel(ArchitectureVerdict a, List<ThreadClassification> threads) {
        if (threads.isEmpty()) {
            return a;
        }
        Verdict model = ProcessModel.of(threads);
        return new ArchitectureVerdict(a.architecture(), model, a.sentence(), a.evidence(), a.confidence(),
                a.connections(), a.spread());
    }

    /** The process's threads sorted by what they do, and the phrases several detectors share. */
    private record Process(List<ThreadClassification> threads, ProcessFacts facts, int connections,
                           List<ThreadClassification> loops, List<ThreadClassification> workers,
                           List<ThreadClassification> handlers, List<ThreadClassification> completers,
                           List<ThreadClassification> acceptors, String acceptedBy, String counts,
                           List<ConnectionShare> spread) {

        static Process of(List<ThreadClassification> threads, int connections, ProcessFacts facts) {
            List<ThreadClassification> workers = with(threads, t -> t.role() == ThreadRole.WORKER);
            // A loop that serves no connection itself counts when workers serve the channels it watches.
            List<ThreadClassification> loops = with(threads, t -> t.role() == ThreadRole.EVENT_LOOP
                    && (serves(t) || !workers.isEmpty()));
            List<ThreadClassification> acceptors = with(threads, t -> t.role() == ThreadRole.ACCEPTOR);
            List<ConnectionShare> spread = threads.stream().filter(t -> t.connections() > 0)
                    .sorted(Comparator.comparingInt(ThreadClassification::connections).reversed())
                    .map(t -> new ConnectionShare(t.threadKey(), t.profile().thread().name(), t.role(),
                            t.connections()))
                    .toList();
            return new Process(threads, facts, connections, loops, workers,
                    with(threads, t -> t.role() == ThreadRole.CONNECTION_HANDLER),
                    with(threads, t -> t.role() == ThreadRole.COMPLETION_HANDLER), acceptors,
                    acceptorPhrase(acceptors), connections + " connections accepted; roles: " + roleCounts(threads),
                    spread);
        }

        ArchitectureVerdict verdict(Architecture architecture, ThreadClassification lead, String sentence) {
            Verdict v = lead.verdict();
            Confidence confidence = connections == 0 && architecture != Architecture.NONE ? Confidence.LOW
                    : v.confidence();
            return new ArchitectureVerdict(architecture, v, sentence, counts, confidence, connections, spread);
        }

        /** The thread that accepted the most, else the first with I/O: whose verdict a process-level sentence leads. */
        ThreadClassification lead() {
            return threads.stream().filter(t -> t.profile().accepts() > 0)
                    .max(Comparator.comparingLong(t -> t.profile().accepts()))
                    .orElse(threads.get(0));
        }
    }

    /**
     * True when the thread served connections: by identity when the source kept it, else (threads of a syscall log
     * added up as they exited, whose connections are not kept) by having moved socket data or accepted.
     */
    private static boolean serves(ThreadClassification t) {
        ThreadProfile p = t.profile();
        return t.connections() > 0
                || p.connectionsTouched().isEmpty() && p.socketDataCalls() + p.accepts() > 0;
    }

    private static ArchitectureVerdict processPerConnection(Process p) {
        ProcessFacts f = p.facts();
        if (f.accepts() == 0 || f.processForks() == 0 || f.forksAfterAccept() * 2 < f.accepts()) {
            return null;
        }
        return p.verdict(Architecture.PROCESS_PER_CONNECTION, p.lead(), f.accepts() + " accepted connections, "
                + f.forksAfterAccept() + " child processes forked right after one");
    }

    private static ArchitectureVerdict multiProcessEventLoop(Process p) {
        ProcessFacts f = p.facts();
        long multiplexing = f.children().stream().filter(v -> v.model() == IoModel.MULTIPLEXING).count();
        if (multiplexing < 2 || f.childrenAccepting() < 2) {
            return null;
        }
        return p.verdict(Architecture.MULTI_PROCESS_EVENT_LOOP, p.lead(), multiplexing
                + " child processes run event loops, " + f.childrenAccepting() + " of them accept connections");
    }

    private static ArchitectureVerdict threadStartedPerConnection(Process p) {
        ProcessFacts f = p.facts();
        // The threads started must be the ones that serve: Netty starts each loop's thread on its first connection.
        if (f.accepts() == 0 || f.threadsAfterAccept() * 2 < f.accepts() || p.handlers().isEmpty()) {
            return null;
        }
        ThreadClassification lead = p.handlers().get(0);
        return p.verdict(Architecture.THREAD_PER_CONNECTION, lead, f.accepts() + " accepted connections, "
                + f.threadsAfterAccept() + " threads started right after one, " + count(p.handlers(), "thread")
                + " serving one each");
    }

    /**
     * Threads that run the completions of socket operations: the JDK's channel group (epoll underneath), or an
     * io_uring or AIO server that accepts. A pool that completes file operations serves no connections.
     */
    private static ArchitectureVerdict asyncCompletionHandlers(Process p) {
        List<ThreadClassification> onSockets = with(p.completers(), t -> {
            ThreadProfile.AsyncUse async = t.profile().asyncUse();
            Mechanism mechanism = async == null ? t.verdict().mechanism() : async.mechanism();
            return mechanism == Mechanism.EPOLL
                    || mechanism != Mechanism.THREAD_POOL && p.facts().accepts() > 0;
        });
        if (onSockets.isEmpty()) {
            return null;
        }
        ThreadClassification lead = onSockets.get(0);
        String whose = switch (lead.verdict().mechanism() == null ? Mechanism.EPOLL : lead.verdict().mechanism()) {
            case EPOLL -> " of the channel group";
            case IO_URING -> ", each with its own io_uring ring,";
            default -> "";
        };
        return p.verdict(Architecture.ASYNC_COMPLETION_HANDLERS, lead, count(onSockets, "thread") + whose
                + " run the completion handlers for " + p.connections() + " connections");
    }

    private static ArchitectureVerdict severalSelectors(Process p) {
        Map<Integer, Set<Integer>> selectors = connectionsBySelector(p.loops());
        if (selectors.size() < 2 || p.connections() == 0) {
            return null;
        }
        Architecture architecture = p.workers().isEmpty() ? Architecture.MULTI_EVENT_LOOP
                : Architecture.MULTI_EVENT_LOOP_WITH_WORKER_POOL;
        return p.verdict(architecture, p.loops().get(0), p.acceptedBy() + selectors.size() + " selectors"
                + runBy(p.loops(), selectors.size()) + " each own some of the " + p.connections() + " connections"
                + shares(selectors) + workersPhrase(p.workers()));
    }

    private static ArchitectureVerdict oneSelector(Process p) {
        ThreadClassification multiplexingAcceptor = first(p.acceptors(),
                t -> t.verdict().model() == IoModel.MULTIPLEXING);
        boolean acceptorWithPool = multiplexingAcceptor != null && !p.workers().isEmpty();
        if (p.connections() == 0 || p.loops().isEmpty() && !acceptorWithPool) {
            return null;
        }
        List<ThreadClassification> loops = p.loops();
        ThreadClassification loop = loops.isEmpty() ? multiplexingAcceptor : loops.get(0);
        String what = loop.verdict().model() == IoModel.NON_BLOCKING_POLLING
                ? "one thread busy-polls without a selector: it"
                : loops.size() > 1 ? "one selector" + runBy(loops, 1) : "one selector thread";
        String sentence = (loop.profile().accepts() > 0 ? "" : p.acceptedBy()) + what
                + loopDoes(loops, loop, p.connections());
        // Pool threads that take turns waiting in the one selector serve its connections in between: a pool.
        if (!p.workers().isEmpty() || loops.size() > 1) {
            return p.verdict(Architecture.EVENT_LOOP_WITH_WORKER_POOL, loop, sentence + workersPhrase(p.workers()));
        }
        return p.verdict(Architecture.SINGLE_EVENT_LOOP, loop, sentence);
    }

    private static ArchitectureVerdict handlerPerConnection(Process p) {
        List<ThreadClassification> handlers = p.handlers();
        if (handlers.isEmpty() || p.connections() == 0) {
            return null;
        }
        ThreadClassification first = handlers.get(0);
        if (handlers.size() == 1 && p.connections() > 1 && first.profile().accepts() >= p.connections()) {
            return p.verdict(Architecture.NONE, first, "one thread accepts and serves all " + p.connections()
                    + " connections, one at a time");
        }
        long virtual = handlers.stream().filter(t -> t.profile().thread().virtual()).count();
        boolean mostlyVirtual = virtual * 2 > handlers.size();
        Architecture architecture = mostlyVirtual ? Architecture.VIRTUAL_THREAD_PER_CONNECTION
                : Architecture.THREAD_PER_CONNECTION;
        String sentence = p.acceptedBy() + count(handlers, mostlyVirtual ? "virtual thread" : "thread")
                + (handlers.size() == 1 ? " serves " : " serve ") + p.connections()
                + " connections, blocking in read and write"
                + (mostlyVirtual ? " (multiplexed by the JDK's poller)" : "");
        return p.verdict(architecture, first, sentence);
    }

    private static ArchitectureVerdict acceptorsOnly(Process p) {
        if (p.acceptors().isEmpty()) {
            return null;
        }
        ThreadClassification acceptor = p.acceptors().get(0);
        Verdict v = acceptor.verdict();
        Architecture guess = v.model() == IoModel.MULTIPLEXING ? Architecture.SINGLE_EVENT_LOOP
                : Architecture.THREAD_PER_CONNECTION;
        return new ArchitectureVerdict(guess, v, p.acceptedBy() + "no thread read or wrote them", p.counts(),
                Confidence.LOW, p.connections(), p.spread());
    }

    /**
     * Without a server, the model of the thread that did the most I/O, async first (it is the one users miss), and
     * among async threads the one that runs the completions (it shows the mechanism).
     */
    private static ArchitectureVerdict noServer(Process p) {
        List<ThreadClassification> threads = p.threads();
        ThreadClassification worker = first(threads, t -> t.role() == ThreadRole.COMPLETION_HANDLER);
        if (worker == null) {
            worker = first(threads, t -> t.verdict().model() == IoModel.ASYNC);
        }
        if (worker == null) {
            worker = threads.stream().filter(t -> t.verdict().model() != IoModel.NONE)
                    .max(Comparator.comparingLong(t -> t.profile().decidingCalls())).orElse(null);
        }
        if (worker == null) {
            return new ArchitectureVerdict(Architecture.NONE, NO_IO, "no I/O was recorded",
                    p.counts(), Confidence.HIGH, 0, p.spread());
        }
        String sentence = p.connections() > 0
                ? p.connections() + " connections accepted, but no thread or process serves them apart"
                : "serves no connections: " + roleCounts(threads);
        return p.verdict(Architecture.NONE, worker, sentence);
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
     * The selectors the loops waited in, each with the connections its threads served; a loop that waits without a
     * selector object or epoll descriptor (poll, select, busy polling) is a selector of its own. Loops are counted by
     * selector, not by thread: one selector that pool threads take turns to run is one loop.
     */
    private static Map<Integer, Set<Integer>> connectionsBySelector(List<ThreadClassification> loops) {
        Map<Integer, Set<Integer>> selectors = new TreeMap<>();
        int ownSelector = -1;
        for (ThreadClassification loop : loops) {
            Set<Integer> ids = loop.profile().waitTargets();
            if (ids.isEmpty()) {
                ids = Set.of(ownSelector--);
            }
            for (int id : ids) {
                selectors.computeIfAbsent(id, k -> new HashSet<>()).addAll(loop.served());
            }
        }
        return selectors;
    }

    /** ", run by 3 threads in turn," when fewer selectors than loop threads, else nothing. */
    private static String runBy(List<ThreadClassification> loops, int selectors) {
        return loops.size() > selectors ? ", run by " + loops.size() + " threads in turn," : "";
    }

    /** What a single loop does to the process's connections: accepts them, reads them or only watches them. */
    private static String loopDoes(List<ThreadClassification> loops, ThreadClassification loop, int connections) {
        boolean accepts = loops.stream().anyMatch(t -> t.profile().accepts() > 0) || loop.profile().accepts() > 0;
        boolean reads = loops.stream().anyMatch(t -> t.profile().socketDataCalls() > 0);
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

    /** " (12, 11)": the connections of each selector, when the source tells connections apart. */
    private static String shares(Map<Integer, Set<Integer>> selectors) {
        if (selectors.values().stream().allMatch(Set::isEmpty)) {
            return "";
        }
        return " (" + String.join(", ", selectors.values().stream().map(c -> Integer.toString(c.size())).toList())
                + ")";
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
