package io.iotrace.analyzers.model;

import io.iotrace.analyzers.stats.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Decides a thread's I/O model from its calls alone, never from its name: ordered detectors, the first that
 * matches wins, each returning its verdict with the numbers that made it so, or null.
 */
public final class ThreadModelClassifier {

    /** What the classifier needs to know about the other threads of the process. */
    public interface Neighbours {
        /** True when a thread that waits in a selector or polls also reads, writes or accepted this connection. */
        boolean isOwnedByLoop(int connectionId, long exceptThreadKey);

        /** True when a thread that waits in a selector or polls also reads or writes this connection. */
        boolean isReadByLoop(int connectionId, long exceptThreadKey);

        /** The mechanism of the process's selector threads, null when there is none. */
        Mechanism loopMechanism();
    }

    private static final List<BiFunction<ThreadProfile, Neighbours, Verdict>> DETECTORS = List.of(
            ThreadModelClassifier::detectNoIo,
            ThreadModelClassifier::detectAsync,
            ThreadModelClassifier::detectMultiplexing,
            ThreadModelClassifier::detectPolling,
            ThreadModelClassifier::detectHandedOver,
            ThreadModelClassifier::detectBlockingNetwork,
            ThreadModelClassifier::detectFiles);

    private ThreadModelClassifier() {
    }

    public static Verdict classify(ThreadProfile p, Neighbours neighbours) {
        for (BiFunction<ThreadProfile, Neighbours, Verdict> detector : DETECTORS) {
            Verdict verdict = detector.apply(p, neighbours);
            if (verdict != null) {
                return verdict;
            }
        }
        throw new IllegalStateException("no detector matched thread " + p.thread().name()
                + "; the last detector must match every thread with I/O");
    }

    static Verdict detectNoIo(ThreadProfile p, Neighbours n) {
        if (p.decidingCalls() > 0) {
            return null;
        }
        String evidence;
        if (p.standardInputCalls() + p.consoleOutputCalls() > 0) {
            List<String> console = new ArrayList<>();
            if (p.standardInputCalls() > 0) {
                console.add(Units.count(p.standardInputCalls(), "read") + " of standard input");
            }
            if (p.consoleOutputCalls() > 0) {
                console.add(Units.count(p.consoleOutputCalls(), "write") + " to standard output");
            }
            evidence = String.join(", ", console) + ", no other I/O";
        } else if (p.housekeepingCalls() > 0) {
            evidence = "only the JVM's own file reads (" + p.housekeepingCalls() + " on jars, modules, /proc)";
        } else {
            evidence = "no I/O calls";
        }
        return new Verdict(IoModel.NONE, null, null, Confidence.HIGH, evidence, "no-io");
    }

    static Verdict detectAsync(ThreadProfile p, Neighbours n) {
        long completions = p.asyncSocketCompletions() + p.asyncFileCompletions() + p.unpairedCompletions();
        long async = p.asyncSubmits() + completions;
        long sync = p.blockingNetworkCalls() + p.nonBlockingNetworkCalls() + p.selects() + p.fileCalls();
        if (async == 0 || async < sync) {
            return null;
        }
        boolean file = p.asyncMostlyOnFiles();
        boolean ring = p.selectorTransports().contains(Underneath.IO_URING_TRANSPORT);
        String evidence = Units.count(completions, "completion") + " run on this thread, "
                + Units.count(p.asyncSubmits(), "operation") + " submitted, "
                + Units.count(sync, "synchronous I/O call");
        if (ring) {
            return new Verdict(IoModel.ASYNC, Mechanism.IO_URING, Underneath.IO_URING_TRANSPORT,
                    Confidence.fromCalls(async), evidence, "async");
        }
        return new Verdict(IoModel.ASYNC, file ? Mechanism.THREAD_POOL : Mechanism.EPOLL,
                file ? Underneath.ASYNC_FILE : Underneath.ASYNC_SOCKET,
                Confidence.fromCalls(async), evidence, "async");
    }

    /**
     * Waits in a selector: more selects and non-blocking calls than blocking ones, or, when the channels are read in
     * blocking mode once ready (the JDK's own HttpServer does so), more time waiting in selects than in reads and
     * accepts. Where a thread waits is what its model is about, not the mode its channels happen to be in.
     */
    static Verdict detectMultiplexing(ThreadProfile p, Neighbours n) {
        boolean mostlyNonBlocking = p.selects() + p.nonBlockingNetworkCalls() >= p.blockingNetworkCalls();
        boolean waitsInSelector = p.selectWaitNanos() > p.blockingInboundNanos();
        if (!LoopRules.waitsLikeALoop(p.selects()) || !(mostlyNonBlocking || waitsInSelector) || awaitsOneChannelOfALoop(p, n)) {
            return null;
        }
        long ioCalls = p.blockingNetworkCalls() + p.nonBlockingNetworkCalls();
        StringBuilder evidence = new StringBuilder()
                .append(Units.count(p.selects(), "select wait")).append(" (").append(Units.nanos(p.selectWaitNanos())).append(", ")
                .append(Units.count(p.readyKeys(), "key")).append(" ready), ")
                .append(percent(p.nonBlockingNetworkCalls(), ioCalls)).append(" of its ").append(ioCalls)
                .append(" I/O calls non-blocking, ").append(p.blockingReads()).append(" blocking reads");
        Confidence confidence = Confidence.fromCalls(p.selects() + ioCalls);
        if (!mostlyNonBlocking) {
            evidence.append(" that waited ").append(Units.nanos(p.blockingInboundNanos()))
                    .append(" in all: it waits in the selector, then reads each ready channel in blocking mode");
        }
        if (p.switchedFromBlocking()) {
            evidence.append("; switched from blocking (").append(p.blockingNetworkCalls())
                    .append(" calls) to a selector");
            confidence = Confidence.MEDIUM;
        }
        String underneath = p.selectorTransports().isEmpty() ? null : p.selectorTransports().iterator().next();
        return new Verdict(IoModel.MULTIPLEXING, mechanism(p.selectorMechanisms(), n.loopMechanism()), underneath,
                confidence, evidence.toString(), "multiplexing");
    }

    /**
     * A pool thread that writes to a connection an event loop owns and, when the socket is full, waits for it in a
     * private one-channel selector is that loop's worker, not a loop of its own.
     */
    private static boolean awaitsOneChannelOfALoop(ThreadProfile p, Neighbours n) {
        return p.waitsOnlyForOneChannel()
                && p.connectionsTouched().stream().anyMatch(c -> n.isReadByLoop(c, p.thread().key()));
    }

    static Verdict detectPolling(ThreadProfile p, Neighbours n) {
        long nonBlocking = p.nonBlockingNetworkCalls() + p.selectNows();
        if (!LoopRules.spins(p.nonBlockingRetries(), p.selects()) || nonBlocking < p.blockingNetworkCalls()) {
            return null;
        }
        String evidence = p.nonBlockingFoundNothing() + " of " + nonBlocking + " non-blocking calls moved nothing ("
                + percent(p.nonBlockingFoundNothing(), nonBlocking) + "), " + p.nonBlockingRetries()
                + " of them right after another with no wait between, and burned " + Units.nanos(p.foundNothingNanos())
                + ", " + p.selects() + " select waits";
        return new Verdict(IoModel.NON_BLOCKING_POLLING, null, null,
                Confidence.fromCalls(p.nonBlockingFoundNothing()), evidence, "polling");
    }

    /** Non-blocking calls that never found nothing: the thread was told the channel was ready. */
    static Verdict detectHandedOver(ThreadProfile p, Neighbours n) {
        if (p.nonBlockingNetworkCalls() == 0 || p.nonBlockingNetworkCalls() < p.blockingNetworkCalls()) {
            return null;
        }
        long owned = p.connectionsTouched().stream().filter(c -> n.isOwnedByLoop(c, p.thread().key())).count();
        if (owned > 0) {
            String evidence = p.nonBlockingNetworkCalls() + " non-blocking calls, none waiting, on " + owned
                    + " connections that a selector thread owns; " + p.selects() + " select waits of its own";
            return new Verdict(IoModel.MULTIPLEXING, n.loopMechanism(), null,
                    Confidence.fromCalls(p.nonBlockingNetworkCalls()), evidence, "handed-over");
        }
        String evidence = p.nonBlockingNetworkCalls() + " non-blocking calls that all moved bytes, no selector: "
                + "it never had to wait, so whether it would poll is unknown";
        return new Verdict(IoModel.NON_BLOCKING_POLLING, null, null, Confidence.LOW, evidence, "non-blocking");
    }

    static Verdict detectBlockingNetwork(ThreadProfile p, Neighbours n) {
        if (p.blockingNetworkCalls() == 0) {
            return null;
        }
        StringBuilder evidence = new StringBuilder()
                .append(p.blockingNetworkCalls()).append(" blocking network calls (").append(p.blockingReads())
                .append(" reads, ").append(p.accepts()).append(" accepts), ")
                .append(p.nonBlockingNetworkCalls()).append(" non-blocking");
        Confidence confidence = Confidence.fromCalls(p.blockingNetworkCalls());
        if (p.selects() > 0) {
            evidence.append(", ").append(Units.count(p.selects(), "select wait"));
        }
        if (p.switchedToBlocking()) {
            evidence.append("; switched from non-blocking calls to blocking ones");
            confidence = Confidence.MEDIUM;
        }
        String underneath = p.thread().virtual() ? Underneath.VIRTUAL_THREAD_POLLER : null;
        return new Verdict(IoModel.BLOCKING, null, underneath, confidence, evidence.toString(), "blocking");
    }

    static Verdict detectFiles(ThreadProfile p, Neighbours n) {
        String evidence = p.fileCalls() + " blocking file calls, " + (p.decidingCalls() - p.fileCalls())
                + " other I/O calls";
        return new Verdict(IoModel.BLOCKING, null, null, Confidence.fromCalls(p.decidingCalls()), evidence, "files");
    }

    /** The thread's own selector's mechanism (the first, if it used several kinds), else the process's. */
    private static Mechanism mechanism(Set<Mechanism> own, Mechanism fallback) {
        return own.isEmpty() ? fallback : own.iterator().next();
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
