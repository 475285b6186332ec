package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.ThreadInfo;

import java.util.Map;
import java.util.Set;

/**
 * What one thread's I/O showed, in the words every detector uses, whatever the source: a recording fills it from
 * the JDK calls the agent saw ({@link RecordedThreadProfile}), a syscall log from the system calls strace or perf
 * saw. A fact a source cannot see is zero, empty or false, and the detectors say so in their evidence rather than
 * guess: a recording sees no signals or io_uring, a syscall log no selector object. Connections are told apart by
 * the agent's channel ids in a recording, by descriptor number between the calls that make and reuse it in a syscall
 * log.
 */
public interface ThreadProfile {

    ThreadInfo thread();

    // Waiting for readiness: selects that waited, epoll_wait/poll/select calls.

    /** Waits for readiness (a select that waited, an epoll_wait), not counting a read's wait on its own descriptor. */
    long readinessWaits();

    long readinessWaitNanos();

    /** The waits by the call that made them: {@code select} in a recording, {@code epoll_wait}, {@code poll}... */
    Map<String, Long> readinessWaitCalls();

    /** Channels or descriptors the waits found ready. */
    long readyResults();

    /** How the thread waits for readiness, null when it never did. */
    Mechanism readinessMechanism();

    /**
     * What makes the waits below the code, when it is not the JDK's selector: a native transport ({@link
     * Underneath#NATIVE_EPOLL_TRANSPORT}, {@link Underneath#IO_URING_TRANSPORT}); null otherwise.
     */
    String readinessUnderneath();

    /**
     * What the thread waited in: selector ids or epoll descriptors. Loops are counted by these, not by threads; a
     * thread that waits in poll or select has no descriptor to share and is empty here.
     */
    Set<Integer> waitTargets();

    /** True when every selector it waited in watched one channel at most: a blocking wait in disguise. */
    boolean waitsOnlyForOneChannel();

    // Network calls: reads, writes, accepts, connects on sockets (and, from a syscall log, pipes and terminals).

    long blockingNetworkCalls();

    long blockingReads();

    /** Time in blocking reads and accepts: waiting for data or connections to arrive. */
    long blockingInboundNanos();

    /** Network calls in non-blocking mode. */
    long nonBlockingNetworkCalls();

    /** Non-blocking calls that found nothing to do (returned 0 or said EAGAIN). */
    long foundNothing();

    /** Time those calls burned; 0 when the source does not time them apart. */
    long foundNothingNanos();

    /** Found-nothing calls that came right after another, with no wait and no data between: spinning. */
    long retries();

    /** Checks for readiness that do not wait ({@code selectNow}). */
    long readinessChecks();

    /** Reads with a timeout: a would-block followed by a wait on that one descriptor, not polling. */
    long timedReads();

    /** True when every blocking network call came before the first non-blocking call or wait. */
    boolean switchedFromBlocking();

    /** True when every non-blocking call or wait came before the first blocking network call. */
    boolean switchedToBlocking();

    long accepts();

    /** Reads, writes and completions on sockets. */
    long socketDataCalls();

    long datagramCalls();

    /** Ids of the connections this thread accepted. */
    Set<Integer> accepted();

    /** Ids of the connections this thread read or wrote or completed operations on. */
    Set<Integer> connectionsTouched();

    /**
     * Ids of the connections this thread used in non-blocking mode: the only ones a selector can watch (the JDK
     * refuses to register a channel in blocking mode).
     */
    Set<Integer> nonBlockingConnections();

    /** Ids of the connections this thread connected. */
    Set<Integer> connectionsOpened();

    // Asynchronous I/O and signals.

    /** The thread's asynchronous submissions and completions, or null when it made none. */
    AsyncUse asyncUse();

    /** I/O signals (SIGIO, real-time signals) the thread received. */
    long ioSignals();

    /** Waits for a signal: pause, sigsuspend, sigtimedwait. */
    long signalWaits();

    // Files and the rest.

    /** File calls of the program's own work: standard input and the runtime's housekeeping excluded. */
    long fileCalls();

    long standardInputCalls();

    /** Writes to standard output and standard error. */
    long consoleOutputCalls();

    /** The runtime's own file reads (jars, modules, /proc). */
    long housekeepingCalls();

    /** Calls that tell how the thread does its work: network, readiness, async and file calls of its own. */
    default long decidingCalls() {
        long async = asyncUse() == null ? 0 : asyncUse().operations();
        return blockingNetworkCalls() + nonBlockingNetworkCalls() + readinessWaits() + readinessChecks() + async
                + ioSignals() + fileCalls();
    }

    /**
     * Asynchronous operations as the source saw them.
     *
     * @param operations  submissions and completions the thread made or ran
     * @param completions completions run on this thread
     * @param submits     operations submitted
     * @param mechanism   how completion is delivered
     * @param underneath  what the JDK does below, null when nothing differs
     * @param evidence    the source's figures, as a phrase
     */
    record AsyncUse(long operations, long completions, long submits, Mechanism mechanism, String underneath,
                    String evidence) {
    }
}
