package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.stats.Units;
import io.iotrace.analyzers.stats.WaitKind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recording's {@link ThreadProfile}: the evidence one thread's JDK calls leave for the detectors, gathered as
 * events stream by. Memory grows with the connections the thread touched, not with its calls.
 */
public final class RecordedThreadProfile implements ThreadProfile {

    private ThreadInfo thread;
    private long callIndex;
    private long blockingNetworkCalls;
    private long blockingReads;
    private long nonBlockingNetworkCalls;
    private long nonBlockingFoundNothing;
    private long foundNothingNanos;
    private long selects;
    private long nonBlockingRetries;
    private boolean lastCallFoundNothing;
    private long selectNows;
    private long readyKeys;
    private long selectWaitNanos;
    private long blockingInboundNanos;
    private long firstBlockingCall = -1;
    private long lastBlockingCall = -1;
    private long firstNonBlockingCall = -1;
    private long lastNonBlockingCall = -1;
    private long accepts;
    private long asyncSocketSubmits;
    private long asyncFileSubmits;
    private long asyncSocketCompletions;
    private long asyncFileCompletions;
    private long unpairedCompletions;
    private long fileCalls;
    private long standardInputCalls;
    private long consoleOutputCalls;
    private long housekeepingCalls;
    private long datagramCalls;
    private long socketDataCalls;
    private final Set<Mechanism> selectorMechanisms = new TreeSet<>();
    private final Set<String> selectorTransports = new TreeSet<>();
    private final Map<Integer, SelectorUse> selectors = new HashMap<>();
    private final Set<Integer> accepted = new HashSet<>();
    private final Set<Integer> connectionsTouched = new HashSet<>();
    private final Set<Integer> nonBlockingConnections = new HashSet<>();
    private final Set<Integer> connectionsOpened = new HashSet<>();

    public RecordedThreadProfile(ThreadInfo thread) {
        this.thread = thread;
    }

    public void record(IoEvent event) {
        thread = event.thread();
        Resource resource = event.resource();
        Operation op = event.operation();
        if (resource == null) {
            // A completion whose submission the reader could not pair: what it completed on is unknown.
            if (op == Operation.ASYNC_COMPLETE) {
                unpairedCompletions++;
            }
            return;
        }
        ResourceKind kind = resource.kind();
        if (kind.isFile()) {
            recordFile(event, resource);
            return;
        }
        switch (op) {
            case SELECT -> recordSelect(event, resource);
            case ASYNC_SUBMIT -> asyncSocketSubmits++;
            case ASYNC_COMPLETE -> recordAsyncCompletion(event, kind);
            case READ, WRITE, RECEIVE, SEND, ACCEPT, CONNECT, FINISH_CONNECT -> recordNetworkCall(event, resource);
            default -> {
            }
        }
    }

    private void recordFile(IoEvent event, Resource resource) {
        if (SpecialFiles.isStandardInput(resource)) {
            standardInputCalls++;
        } else if (SpecialFiles.isConsoleOutput(resource)) {
            consoleOutputCalls++;
        } else if (SpecialFiles.isRuntimeHousekeeping(resource)) {
            housekeepingCalls++;
        } else if (event.operation() == Operation.ASYNC_COMPLETE) {
            asyncFileCompletions++;
        } else if (event.operation() == Operation.ASYNC_SUBMIT) {
            asyncFileSubmits++;
        } else {
            fileCalls++;
        }
    }

    /** How this thread used one selector: how often it waited in it, and the most channels it ever watched. */
    private static final class SelectorUse {
        long waits;
        long waitNanos;
        long mostKeys;
    }

    private void recordSelect(IoEvent event, Resource resource) {
        SelectorUse use = selectors.computeIfAbsent(resource.id(), id -> new SelectorUse());
        use.mostKeys = Math.max(use.mostKeys, event.requested());
        if (event.blocking()) {
            selects++;
            selectWaitNanos += event.durationNanos();
            use.waits++;
            use.waitNanos += event.durationNanos();
            lastCallFoundNothing = false;
            markNonBlockingPhase();
        } else {
            selectNows++;
            if (WaitKind.foundNothing(event)) {
                foundNothing(event);
            } else {
                lastCallFoundNothing = false;
            }
        }
        readyKeys += Math.max(0, event.result());
        Mechanism mechanism = Mechanism.ofSelectorClass(resource.description());
        if (mechanism != null) {
            selectorMechanisms.add(mechanism);
        }
        String transport = Underneath.transportOfSelector(resource.description());
        if (transport != null) {
            selectorTransports.add(transport);
        }
    }

    private void recordAsyncCompletion(IoEvent event, ResourceKind kind) {
        asyncSocketCompletions++;
        if (kind == ResourceKind.ASYNC_SOCKET_CHANNEL) {
            socketDataCalls++;
            connectionsTouched.add(event.resource().id());
        } else if (kind == ResourceKind.ASYNC_SERVER_SOCKET_CHANNEL && event.outcome() == Outcome.OK
                && event.result() > 0) {
            accepts++;
            accepted.add((int) event.result());
        }
    }

    private void recordNetworkCall(IoEvent event, Resource resource) {
        if (resource.kind() == ResourceKind.DATAGRAM_CHANNEL) {
            datagramCalls++;
        }
        if (event.blocking()) {
            lastCallFoundNothing = false;
            blockingNetworkCalls++;
            if (event.operation().isInbound()) {
                blockingReads++;
            }
            if (event.operation().isInbound() || event.operation() == Operation.ACCEPT) {
                blockingInboundNanos += event.durationNanos();
            }
            markBlockingPhase();
        } else {
            nonBlockingNetworkCalls++;
            if (isConnection(resource.kind())) {
                nonBlockingConnections.add(resource.id());
            }
            if (WaitKind.foundNothing(event)) {
                foundNothing(event);
            } else {
                lastCallFoundNothing = false;
            }
            markNonBlockingPhase();
        }
        switch (event.operation()) {
            case ACCEPT -> {
                if (event.outcome() == Outcome.OK && event.related() > 0) {
                    accepts++;
                    accepted.add((int) event.related());
                }
            }
            case CONNECT, FINISH_CONNECT -> connectionsOpened.add(resource.id());
            default -> {
                if (isConnection(resource.kind())) {
                    socketDataCalls++;
                    connectionsTouched.add(resource.id());
                }
            }
        }
    }

    /**
     * A found-nothing right after another, with no wait between, is a retry: a poller spins on them, while a worker
     * that finds a channel empty once and then waits for its selector thread to hand it back retries never.
     */
    private void foundNothing(IoEvent event) {
        nonBlockingFoundNothing++;
        foundNothingNanos += event.durationNanos();
        if (lastCallFoundNothing) {
            nonBlockingRetries++;
        }
        lastCallFoundNothing = true;
    }

    private void markBlockingPhase() {
        if (firstBlockingCall < 0) {
            firstBlockingCall = callIndex;
        }
        lastBlockingCall = callIndex++;
    }

    private void markNonBlockingPhase() {
        if (firstNonBlockingCall < 0) {
            firstNonBlockingCall = callIndex;
        }
        lastNonBlockingCall = callIndex++;
    }

    static boolean isConnection(ResourceKind kind) {
        return kind == ResourceKind.SOCKET || kind == ResourceKind.SOCKET_CHANNEL
                || kind == ResourceKind.ASYNC_SOCKET_CHANNEL;
    }

    @Override
    public ThreadInfo thread() {
        return thread;
    }

    @Override
    public long readinessWaits() {
        return selects;
    }

    @Override
    public long readinessWaitNanos() {
        return selectWaitNanos;
    }

    @Override
    public Map<String, Long> readinessWaitCalls() {
        return selects == 0 ? Map.of() : Map.of("select", selects);
    }

    @Override
    public long readyResults() {
        return readyKeys;
    }

    /** The thread's selector's mechanism; the first, when it used several kinds. */
    @Override
    public Mechanism readinessMechanism() {
        return selectorMechanisms.isEmpty() ? null : selectorMechanisms.iterator().next();
    }

    /** The native transport whose waits this thread made, null for JDK selectors only. */
    @Override
    public String readinessUnderneath() {
        return selectorTransports.isEmpty() ? null : selectorTransports.iterator().next();
    }

    /** The ids of the selectors this thread waited in. */
    @Override
    public Set<Integer> waitTargets() {
        Set<Integer> ids = new TreeSet<>();
        selectors.forEach((id, use) -> {
            if (use.waits > 0) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** A private selector to await one channel, unless that channel is a server's, as in an accept loop. */
    @Override
    public boolean waitsOnlyForOneChannel() {
        return selectors.values().stream().filter(u -> u.waits > 0).allMatch(u -> u.mostKeys <= 1);
    }

    @Override
    public long blockingNetworkCalls() {
        return blockingNetworkCalls;
    }

    @Override
    public long blockingReads() {
        return blockingReads;
    }

    @Override
    public long blockingInboundNanos() {
        return blockingInboundNanos;
    }

    /** Network calls made in non-blocking mode, selectNow excluded. */
    @Override
    public long nonBlockingNetworkCalls() {
        return nonBlockingNetworkCalls;
    }

    /** Non-blocking calls (selectNow included) that found nothing to do. */
    @Override
    public long foundNothing() {
        return nonBlockingFoundNothing;
    }

    @Override
    public long foundNothingNanos() {
        return foundNothingNanos;
    }

    @Override
    public long retries() {
        return nonBlockingRetries;
    }

    @Override
    public long readinessChecks() {
        return selectNows;
    }

    /** A JDK read with a timeout is a blocking read to the agent: it never sees the wait inside. */
    @Override
    public long timedReads() {
        return 0;
    }

    @Override
    public boolean switchedFromBlocking() {
        return firstBlockingCall >= 0 && firstNonBlockingCall >= 0 && lastBlockingCall < firstNonBlockingCall;
    }

    @Override
    public boolean switchedToBlocking() {
        return firstBlockingCall >= 0 && firstNonBlockingCall >= 0 && lastNonBlockingCall < firstBlockingCall;
    }

    @Override
    public long accepts() {
        return accepts;
    }

    @Override
    public long socketDataCalls() {
        return socketDataCalls;
    }

    @Override
    public long datagramCalls() {
        return datagramCalls;
    }

    @Override
    public Set<Integer> accepted() {
        return accepted;
    }

    @Override
    public Set<Integer> connectionsTouched() {
        return connectionsTouched;
    }

    @Override
    public Set<Integer> nonBlockingConnections() {
        return nonBlockingConnections;
    }

    @Override
    public Set<Integer> connectionsOpened() {
        return connectionsOpened;
    }

    @Override
    public AsyncUse asyncUse() {
        long submits = asyncSocketSubmits + asyncFileSubmits;
        long completions = asyncSocketCompletions + asyncFileCompletions + unpairedCompletions;
        if (submits + completions == 0) {
            return null;
        }
        String evidence = Units.count(completions, "completion") + " run on this thread, "
                + Units.count(submits, "operation") + " submitted";
        if (selectorTransports.contains(Underneath.IO_URING_TRANSPORT)) {
            // A native io_uring transport's loop reaps its own ring.
            return new AsyncUse(submits + completions, completions, submits, Mechanism.IO_URING,
                    Underneath.IO_URING_TRANSPORT, evidence);
        }
        boolean files = asyncFileCompletions + asyncFileSubmits > asyncSocketCompletions + asyncSocketSubmits;
        return new AsyncUse(submits + completions, completions, submits,
                files ? Mechanism.THREAD_POOL : Mechanism.EPOLL,
                files ? Underneath.ASYNC_FILE : Underneath.ASYNC_SOCKET,
                evidence);
    }

    /** The JDK's calls never deliver signals to the application. */
    @Override
    public long ioSignals() {
        return 0;
    }

    @Override
    public long signalWaits() {
        return 0;
    }

    @Override
    public long fileCalls() {
        return fileCalls;
    }

    @Override
    public long standardInputCalls() {
        return standardInputCalls;
    }

    @Override
    public long consoleOutputCalls() {
        return consoleOutputCalls;
    }

    @Override
    public long housekeepingCalls() {
        return housekeepingCalls;
    }
}
