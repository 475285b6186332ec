package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.stats.WaitKind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evidence one thread leaves for the classifier, gathered as events stream by. Memory grows with the
 * connections the thread touched, not with its calls.
 */
public final class ThreadProfile {

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
    private final Set<Mechanism> selectorMechanisms = new TreeSet<>();
    private final Set<String> selectorTransports = new TreeSet<>();
    private final Map<Integer, SelectorUse> selectors = new HashMap<>();
    private final Set<Integer> accepted = new HashSet<>();
    private final Set<Integer> connectionsTouched = new HashSet<>();
    private final Set<Integer> nonBlockingConnections = new HashSet<>();
    private final Set<Integer> connectionsOpened = new HashSet<>();

    public ThreadProfile(ThreadInfo thread) {
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

    public ThreadInfo thread() {
        return thread;
    }

    /** Network calls (read, write, accept, connect) made in blocking mode. */
    public long blockingNetworkCalls() {
        return blockingNetworkCalls;
    }

    public long blockingReads() {
        return blockingReads;
    }

    /** Network calls made in non-blocking mode, selectNow excluded. */
    public long nonBlockingNetworkCalls() {
        return nonBlockingNetworkCalls;
    }

    /** Non-blocking calls (selectNow included) that found nothing to do. */
    public long nonBlockingFoundNothing() {
        return nonBlockingFoundNothing;
    }

    public long foundNothingNanos() {
        return foundNothingNanos;
    }

    /** Found-nothing calls that came right after another found-nothing, with no wait between: spinning. */
    public long nonBlockingRetries() {
        return nonBlockingRetries;
    }

    /** The ids of the selectors this thread waited in. */
    public Set<Integer> selectorsWaitedIn() {
        Set<Integer> ids = new TreeSet<>();
        selectors.forEach((id, use) -> {
            if (use.waits > 0) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * True when every selector this thread waited in watched one channel at most: a private selector to await
     * one channel, a blocking wait in disguise (unless that channel is a server's, as in an accept loop).
     */
    public boolean waitsOnlyForOneChannel() {
        return selectors.values().stream().filter(u -> u.waits > 0).allMatch(u -> u.mostKeys <= 1);
    }

    /** Selects that waited (select, select(timeout)). */
    public long selects() {
        return selects;
    }

    /** Time spent waiting in selects. */
    public long selectWaitNanos() {
        return selectWaitNanos;
    }

    /** Time spent in blocking reads and accepts: waiting for data or connections to arrive. */
    public long blockingInboundNanos() {
        return blockingInboundNanos;
    }

    public long selectNows() {
        return selectNows;
    }

    public long readyKeys() {
        return readyKeys;
    }

    public Set<Mechanism> selectorMechanisms() {
        return selectorMechanisms;
    }

    /** The native transports whose waits this thread made ({@link Underneath}), empty for JDK selectors only. */
    public Set<String> selectorTransports() {
        return selectorTransports;
    }

    /** True when every blocking network call came before the first non-blocking call or select. */
    public boolean switchedFromBlocking() {
        return firstBlockingCall >= 0 && firstNonBlockingCall >= 0 && lastBlockingCall < firstNonBlockingCall;
    }

    /** True when every non-blocking call or select came before the first blocking network call. */
    public boolean switchedToBlocking() {
        return firstBlockingCall >= 0 && firstNonBlockingCall >= 0 && lastNonBlockingCall < firstBlockingCall;
    }

    public long accepts() {
        return accepts;
    }

    /** Resource ids of the connections this thread accepted. */
    public Set<Integer> accepted() {
        return accepted;
    }

    /** Resource ids of the connections this thread read or wrote (or completed async operations on). */
    /**
     * Resource ids of the connections this thread used in non-blocking mode: the only ones a selector can watch
     * (the JDK refuses to register a channel in blocking mode).
     */
    public Set<Integer> nonBlockingConnections() {
        return nonBlockingConnections;
    }

    public Set<Integer> connectionsTouched() {
        return connectionsTouched;
    }

    /** Resource ids of the connections this thread connected. */
    public Set<Integer> connectionsOpened() {
        return connectionsOpened;
    }

    public long asyncSubmits() {
        return asyncSocketSubmits + asyncFileSubmits;
    }

    /** True when more of its asynchronous operations were on files than on sockets. */
    public boolean asyncMostlyOnFiles() {
        return asyncFileCompletions + asyncFileSubmits > asyncSocketCompletions + asyncSocketSubmits;
    }

    public long asyncSocketCompletions() {
        return asyncSocketCompletions;
    }

    public long asyncFileCompletions() {
        return asyncFileCompletions;
    }

    /** Completions run on this thread whose channel is unknown (their submission was not paired with them). */
    public long unpairedCompletions() {
        return unpairedCompletions;
    }

    /** File calls of the program's own work: standard input and the JVM's housekeeping excluded. */
    public long fileCalls() {
        return fileCalls;
    }

    public long standardInputCalls() {
        return standardInputCalls;
    }

    /** Writes to standard output and standard error. */
    public long consoleOutputCalls() {
        return consoleOutputCalls;
    }

    public long housekeepingCalls() {
        return housekeepingCalls;
    }

    public long datagramCalls() {
        return datagramCalls;
    }

    /** Calls that tell how the thread does its work: network, selector, async and file calls of its own. */
    public long decidingCalls() {
        return blockingNetworkCalls + nonBlockingNetworkCalls + selects + selectNows + asyncSubmits()
                + asyncSocketCompletions + asyncFileCompletions + unpairedCompletions + fileCalls;
    }
}
