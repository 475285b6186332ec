package io.iotrace.analyzers.model;

import io.iotrace.analyzers.stats.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Decides a thread's I/O model from its calls alone, never from its name, whatever the source: ordered detectors,
 * the first that matches wins, each returning its verdict with the numbers that made it so, or null. A recording
 * and a syscall log of the same thread go through the same detectors; what a source cannot see is zero in its
 * {@link ThreadProfile}, so the detectors that need it never match.
 */
public final class ThreadModelClassifier {

    /** A caller's pool must have done at least this much for the pattern to say anything. */
    private static final int MIN_POOL_CALLS = 20;
    /** A pool's caller waits for it at least once per this many of the pool's calls. */
    private static final int POOL_CALLS_PER_WAIT = 20;

    /** What the classifier needs to know about the other threads of the process. */
    public interface Neighbours {
        /**
         * True when the thread does I/O on connections a selector thread (another one) reads, writes, accepted or
         * watches: it is that loop's worker.
         */
        boolean servesALoop(ThreadProfile p);

        /** True when a thread that waits in a selector or polls reads or writes one of this thread's connections. */
        boolean readsAConnectionOfALoop(ThreadProfile p);

        /** The mechanism of the process's selector threads, null when there is none. */
        Mechanism loopMechanism();

        /** Calls in the process that asked for I/O signals (F_SETOWN, F_SETSIG, FASYNC). */
        long signalSetups();

        /** The blocking file I/O that threads this one started did for it, or null when there was none. */
        PoolWork poolWork(ThreadProfile p);
    }

    /**
     * Work a thread handed to threads it started.
     *
     * @param threads    how many of them did file I/O and nothing on sockets
     * @param fileCalls  their blocking file reads and writes
     * @param callerWaits the caller's waits for them and wake-ups (futex calls)
     */
    public record PoolWork(int threads, long fileCalls, long callerWaits) {
    }

    private static final List<BiFunction<ThreadProfile, Neighbours, Verdict>> DETECTORS = List.of(
            ThreadModelClassifier::detectThreadPoolCaller,
            ThreadModelClassifier::detectNoIo,
            ThreadModelClassifier::detectAsync,
            ThreadModelClassifier::detectSignalDriven,
            ThreadModelClassifier::detectPolling,
            ThreadModelClassifier::detectMultiplexing,
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

    /**
     * Asynchronous I/O done by a thread pool (glibc's POSIX AIO): the caller never reads itself; threads it started
     * do blocking file reads and writes and wake it, and it waits for them over and over. A thread that starts
     * workers and joins them once (a JVM's launcher) waits a handful of times, not once per few operations.
     */
    static Verdict detectThreadPoolCaller(ThreadProfile p, Neighbours n) {
        PoolWork pool = n.poolWork(p);
        if (pool == null || pool.fileCalls() < MIN_POOL_CALLS) {
            return null;
        }
        long own = p.blockingNetworkCalls() + p.nonBlockingNetworkCalls() + p.fileCalls();
        boolean neverReads = own * 10 <= pool.fileCalls();
        boolean waitsPerOperation = pool.callerWaits() * POOL_CALLS_PER_WAIT >= pool.fileCalls();
        if (!neverReads || !waitsPerOperation) {
            return null;
        }
        return new Verdict(IoModel.ASYNC, Mechanism.THREAD_POOL, null, Confidence.fromCalls(pool.fileCalls()),
                Units.count(pool.threads(), "thread") + " it started made " + pool.fileCalls()
                        + " blocking file reads and writes; " + own + " I/O calls of its own, " + pool.callerWaits()
                        + " waits for and wake-ups of the pool", "thread-pool-caller");
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
        ThreadProfile.AsyncUse async = p.asyncUse();
        long sync = p.blockingNetworkCalls() + p.nonBlockingNetworkCalls() + p.readinessWaits() + p.fileCalls();
        if (async == null || async.operations() < sync) {
            return null;
        }
        return new Verdict(IoModel.ASYNC, async.mechanism(), async.underneath(),
                Confidence.fromCalls(async.operations()),
                async.evidence() + ", " + Units.count(sync, "synchronous I/O call"), "async");
    }

    static Verdict detectSignalDriven(ThreadProfile p, Neighbours n) {
        if (p.ioSignals() == 0 || n.signalSetups() == 0) {
            return null;
        }
        return new Verdict(IoModel.SIGNAL_DRIVEN, Mechanism.SIGNAL, null, Confidence.fromCalls(p.ioSignals()),
                n.signalSetups() + " calls in the process asked for I/O signals (F_SETOWN, F_SETSIG, FASYNC); "
                        + Units.count(p.ioSignals(), "I/O signal") + " received, "
                        + Units.count(p.signalWaits(), "wait") + " for a signal, "
                        + (p.blockingNetworkCalls() + p.nonBlockingNetworkCalls()) + " network calls", "signal-driven");
    }

    /** Spins on non-blocking calls that find nothing, many times per wait if it waits at all. */
    static Verdict detectPolling(ThreadProfile p, Neighbours n) {
        long nonBlocking = p.nonBlockingNetworkCalls() + p.readinessChecks();
        if (!LoopRules.spins(p.retries(), p.readinessWaits()) || nonBlocking < p.blockingNetworkCalls()) {
            return null;
        }
        String burned = p.foundNothingNanos() > 0 ? ", and burned " + Units.nanos(p.foundNothingNanos()) : "";
        String evidence = p.foundNothing() + " of " + nonBlocking + " non-blocking calls found nothing ("
                + percent(p.foundNothing(), nonBlocking) + "), " + p.retries()
                + " of them right after another with no wait between" + burned + ", "
                + Units.count(p.readinessWaits(), "readiness wait");
        return new Verdict(IoModel.NON_BLOCKING_POLLING, null, null, Confidence.fromCalls(p.foundNothing()), evidence,
                "polling");
    }

    /**
     * Waits for readiness: more waits and non-blocking calls than blocking ones, or, when the channels are read in
     * blocking mode once ready (the JDK's own HttpServer does so), a wait before every few reads. Where a thread
     * waits is what its model is about, not the mode its channels happen to be in.
     */
    static Verdict detectMultiplexing(ThreadProfile p, Neighbours n) {
        boolean mostlyNonBlocking = p.readinessWaits() + p.nonBlockingNetworkCalls() >= p.blockingNetworkCalls();
        boolean readsWhatItWaitedFor = LoopRules.readsWhatItWaitedFor(p.readinessWaits(), p.blockingReads())
                && !p.switchedToBlocking();
        if (!LoopRules.waitsLikeALoop(p.readinessWaits(), p.nonBlockingNetworkCalls())
                || !(mostlyNonBlocking || readsWhatItWaitedFor)
                || awaitsOneChannelOfALoop(p, n)) {
            return null;
        }
        long ioCalls = p.blockingNetworkCalls() + p.nonBlockingNetworkCalls();
        StringBuilder evidence = new StringBuilder()
                .append(Units.count(p.readinessWaits(), "readiness wait"))
                .append(" (").append(calls(p.readinessWaitCalls()))
                .append(") waiting ").append(Units.nanos(p.readinessWaitNanos())).append(" and finding ")
                .append(p.readyResults()).append(" ready, ")
                .append(percent(p.nonBlockingNetworkCalls(), ioCalls)).append(" of its ").append(ioCalls)
                .append(" I/O calls non-blocking, ").append(p.blockingReads()).append(" blocking reads");
        Confidence confidence = Confidence.fromCalls(p.readinessWaits() + ioCalls);
        if (!mostlyNonBlocking) {
            evidence.append(" that waited ").append(Units.nanos(p.blockingInboundNanos()))
                    .append(" in all: it waits for readiness, then reads each ready channel in blocking mode");
        }
        if (p.switchedFromBlocking()) {
            evidence.append("; switched from blocking (").append(p.blockingNetworkCalls())
                    .append(" calls) to a selector");
            confidence = Confidence.MEDIUM;
        }
        Mechanism mechanism = p.readinessMechanism() != null ? p.readinessMechanism() : n.loopMechanism();
        return new Verdict(IoModel.MULTIPLEXING, mechanism, p.readinessUnderneath(), confidence, evidence.toString(),
                "multiplexing");
    }

    /**
     * A pool thread that writes to a connection an event loop owns and, when the socket is full, waits for it in a
     * private one-channel selector is that loop's worker, not a loop of its own.
     */
    private static boolean awaitsOneChannelOfALoop(ThreadProfile p, Neighbours n) {
        return p.waitsOnlyForOneChannel() && n.readsAConnectionOfALoop(p);
    }

    /** Non-blocking calls that never spun and no wait of its own: it was told the channel was ready. */
    static Verdict detectHandedOver(ThreadProfile p, Neighbours n) {
        if (p.nonBlockingNetworkCalls() == 0 || p.nonBlockingNetworkCalls() < p.blockingNetworkCalls()) {
            return null;
        }
        if (n.servesALoop(p)) {
            String on = p.connectionsTouched().isEmpty() ? "on connections"
                    : "on " + Units.count(p.connectionsTouched().size(), "connection");
            String evidence = p.nonBlockingNetworkCalls() + " non-blocking calls (" + p.foundNothing()
                    + " found nothing), none waiting, " + on + " that a selector thread owns; "
                    + Units.count(p.readinessWaits(), "readiness wait") + " of its own";
            return new Verdict(IoModel.MULTIPLEXING, n.loopMechanism(), null,
                    Confidence.fromCalls(p.nonBlockingNetworkCalls()), evidence, "handed-over");
        }
        if (p.blockingNetworkCalls() > 0) {
            // It blocks in some calls: that is where it waits (a probe with MSG_DONTWAIT says nothing of a loop).
            return null;
        }
        String evidence = p.nonBlockingNetworkCalls() + " non-blocking calls, " + p.foundNothing()
                + " of them found nothing, no selector: it never spun, so whether it would poll is unknown";
        return new Verdict(IoModel.NON_BLOCKING_POLLING, null, null, Confidence.LOW, evidence, "non-blocking");
    }

    static Verdict detectBlockingNetwork(ThreadProfile p, Neighbours n) {
        if (p.blockingNetworkCalls() == 0) {
            return null;
        }
        StringBuilder evidence = new StringBuilder()
                .append(p.blockingNetworkCalls()).append(" blocking network calls (").append(p.blockingReads())
                .append(" reads, ").append(p.accepts()).append(" accepts)");
        if (p.blockingInboundNanos() > 0) {
            evidence.append(" waiting ").append(Units.nanos(p.blockingInboundNanos()))
                    .append(" for data or connections");
        }
        evidence.append(", ").append(p.nonBlockingNetworkCalls()).append(" non-blocking");
        // Its file calls are blocking too: they add to the certainty, not only its network calls.
        Confidence confidence = Confidence.fromCalls(p.decidingCalls());
        if (p.readinessWaits() > 0) {
            evidence.append(", ").append(Units.count(p.readinessWaits(), "readiness wait"));
        }
        if (p.timedReads() > 0) {
            evidence.append("; ").append(Units.count(p.timedReads(), "timed read"))
                    .append(": each would-block was followed by a wait on that one descriptor, not polling");
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

    /** "epoll_wait 12, poll 3". */
    private static String calls(Map<String, Long> byCall) {
        return String.join(", ", byCall.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
