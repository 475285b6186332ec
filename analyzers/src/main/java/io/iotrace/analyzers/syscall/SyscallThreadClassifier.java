package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.stats.Units;

import io.iotrace.analyzers.event.SyscallCategory;

import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.LoopRules;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Verdict;
import io.iotrace.analyzers.model.ThreadRole;

import java.util.List;
import java.util.Map;

/**
 * Decides a thread's I/O model from its syscalls. Detectors run in order, the first that matches wins; each
 * returns null when its model does not apply.
 */
final class SyscallThreadClassifier {

    private SyscallThreadClassifier() {
    }

    /** @param processAsyncSetups F_SETOWN/F_SETSIG/FASYNC calls anywhere in the thread's process */
    static Verdict classify(ThreadActivity t, long processAsyncSetups) {
        Verdict verdict = detectAsync(t);
        if (verdict == null) {
            verdict = detectSignalDriven(t, processAsyncSetups);
        }
        if (verdict == null) {
            verdict = detectPolling(t);
        }
        if (verdict == null) {
            verdict = detectMultiplexing(t);
        }
        if (verdict == null) {
            verdict = detectBlocking(t);
        }
        return verdict != null ? verdict : of(IoModel.NONE, null, t.totalCalls(), "no-io",
                t.totalCalls() + " syscalls, none of them reads, writes, accepts or waits for I/O");
    }

    private static Verdict detectAsync(ThreadActivity t) {
        long enters = t.calls("io_uring_enter");
        long submitted = t.calls("io_uring_submit_req");
        long uring = enters + submitted;
        long aio = t.calls("io_submit");
        if (uring == 0 && aio == 0) {
            return null;
        }
        if (uring >= aio) {
            // strace sees only the syscalls; perf's io_uring tracepoints also show the operations inside them.
            String operations = submitted > 0
                    ? submitted + " operations submitted and " + t.calls("io_uring_complete") + " completed"
                    + " (io_uring tracepoints)"
                    : enters + " io_uring_enter calls submit and reap operations the log cannot see";
            return of(IoModel.ASYNC, Mechanism.IO_URING, uring, "async", operations,
                    // A ring recorded by both the syscall and the tracepoint shows twice.
                    Math.max(t.calls("io_uring_setup"), t.calls("io_uring_create")) + " rings set up",
                    t.dataCalls() + " plain read/write calls beside them");
        }
        return of(IoModel.ASYNC, Mechanism.LINUX_AIO, aio, "async",
                aio + " io_submit", t.calls("io_getevents") + t.calls("io_pgetevents") + " io_getevents");
    }

    private static Verdict detectSignalDriven(ThreadActivity t, long processAsyncSetups) {
        long signals = t.ioSignals.values().stream().mapToLong(Long::longValue).sum();
        if (signals == 0 || processAsyncSetups == 0) {
            return null;
        }
        return of(IoModel.SIGNAL_DRIVEN, Mechanism.SIGNAL, signals, "signal-driven",
                processAsyncSetups + " fcntl/ioctl calls in the process asked for signals (F_SETOWN, F_SETSIG, FASYNC)",
                signals + " I/O signals received " + t.ioSignals,
                t.successfulReads + " successful reads",
                t.signalWaits + " waits for a signal (pause, sigsuspend, sigtimedwait)");
    }

    private static Verdict detectPolling(ThreadActivity t) {
        // A loop that checks an idle control socket twice between waits (socat) does not spin.
        if (!LoopRules.spins(t.eagainRetries, t.readinessWaitCount())) {
            return null;
        }
        return of(IoModel.NON_BLOCKING_POLLING, null, t.eagainRetries, "polling",
                "an EAGAIN retry loop: " + t.eagainResults + " calls returned EAGAIN",
                t.eagainRetries + " of them came with no readiness wait since the previous EAGAIN",
                t.readinessWaitCount() + " readiness waits",
                t.successfulReads + " successful reads");
    }

    private static Verdict detectMultiplexing(ThreadActivity t) {
        long waits = t.readinessWaitCount();
        if (waits == 0) {
            return null;
        }
        Map.Entry<String, Long> most = t.readinessWaits.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        return of(IoModel.MULTIPLEXING, mechanismOf(most.getKey()), waits, "multiplexing",
                waits + " readiness waits " + t.readinessWaits,
                t.successfulReads + " successful reads, " + t.successfulAccepts + " accepts",
                t.eagainResults + " EAGAIN results after a wait");
    }

    private static Verdict detectBlocking(ThreadActivity t) {
        long blockingCalls = t.callsOf(SyscallCategory.READ) + t.callsOf(SyscallCategory.ACCEPT)
                + t.callsOf(SyscallCategory.WRITE) + t.callsOf(SyscallCategory.ZERO_COPY)
                + t.callsOf(SyscallCategory.CONNECT);
        if (blockingCalls == 0) {
            return null;
        }
        long longest = 0;
        long waited = 0;
        for (SyscallStats stats : t.calls.values()) {
            if (stats.category == SyscallCategory.READ || stats.category == SyscallCategory.ACCEPT) {
                longest = Math.max(longest, stats.maxNanos);
                waited += stats.totalNanos;
            }
        }
        String timing = "longest read/accept " + Units.millis(longest) + ", " + Units.millis(waited) + " in all";
        if (t.timedBlockingWaits > 0) {
            return of(IoModel.BLOCKING, null, blockingCalls, "blocking",
                    "timed reads: " + t.timedBlockingWaits + " EAGAIN results each followed by poll/select on that"
                            + " one descriptor, a read with a timeout, not polling",
                    blockingCalls + " read/write/accept/connect calls", timing);
        }
        return of(IoModel.BLOCKING, null, blockingCalls, "blocking",
                blockingCalls + " read/write/accept/connect calls with no readiness wait and "
                        + t.eagainResults + " EAGAIN", timing);
    }

    /**
     * A thread that reads and writes sockets in non-blocking mode (they said EAGAIN) but never waits for their
     * readiness itself, in a process where another thread waits in a selector: that selector thread hands the
     * ready connections to it, and it gives them back when they run dry. A worker of the loop, not a blocking
     * thread; a JDK read with a timeout waits on its one descriptor and stays blocking.
     *
     * @return the worker's verdict, or null when the thread is not such a worker
     */
    static Verdict handedOver(ThreadActivity t, Verdict own, Mechanism loopMechanism) {
        if (own.model() != IoModel.BLOCKING || t.socketDataCalls == 0 || t.eagainResults == 0
                || t.timedBlockingWaits > 0 || t.readinessWaitCount() > 0) {
            return null;
        }
        return of(IoModel.MULTIPLEXING, loopMechanism, t.socketDataCalls, "handed-over",
                t.socketDataCalls + " socket reads and writes on non-blocking descriptors (" + t.eagainResults
                        + " said EAGAIN) and no readiness wait of its own: a selector thread of the process waits"
                        + " for it");
    }

    static Verdict of(IoModel model, Mechanism mechanism, long decidingCalls, String detector, String... evidence) {
        Confidence confidence = decidingCalls < 5 ? Confidence.LOW : Confidence.HIGH;
        return new Verdict(model, mechanism, null, confidence, String.join("; ", evidence), detector);
    }

    /** The mechanism of a readiness-wait syscall: {@code epoll_pwait} is epoll, {@code pselect6} select. */
    static Mechanism mechanismOf(String readinessWait) {
        return switch (SyscallCategory.of(readinessWait)) {
            case SELECT -> Mechanism.SELECT;
            case POLL -> Mechanism.POLL;
            default -> Mechanism.EPOLL;
        };
    }

    /** What the thread does for its process, given its model. */
    static ThreadRole role(ThreadActivity t, IoModel model) {
        return switch (model) {
            case NONE -> ThreadRole.IDLE;
            case ASYNC -> ThreadRole.COMPLETION_HANDLER;
            case NON_BLOCKING_POLLING -> ThreadRole.POLLER;
            case MULTIPLEXING, SIGNAL_DRIVEN -> t.successfulReads > 0 || t.socketDataCalls > 0
                    ? ThreadRole.EVENT_LOOP
                    : t.successfulAccepts > 0 ? ThreadRole.ACCEPTOR : ThreadRole.EVENT_LOOP;
            case BLOCKING -> {
                if (t.successfulAccepts > 0 && (t.spawnsAfterAccept > 0 || t.socketDataCalls == 0)) {
                    yield ThreadRole.ACCEPTOR;
                }
                if (t.successfulConnects > 0) {
                    yield ThreadRole.CLIENT;
                }
                yield t.socketDataCalls > 0 ? ThreadRole.CONNECTION_HANDLER : ThreadRole.OTHER;
            }
        };
    }
}
