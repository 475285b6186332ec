package io.iotrace.analyzers.stats;

import io.iotrace.analyzers.event.IoEvent;

import java.util.EnumMap;
import java.util.Map;

/** Waits, copies and would-block counts of one thread or one resource; memory does not grow with the events. */
public final class IoStats {

    private final Map<WaitKind, CallStats> byKind = new EnumMap<>(WaitKind.class);
    private final CopyStats copies = new CopyStats();
    private long events;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    public void record(IoEvent event) {
        events++;
        firstStart = Math.min(firstStart, event.startNanos());
        lastEnd = Math.max(lastEnd, event.endNanos());
        copies.record(event);
        WaitKind kind = WaitKind.of(event.operation());
        if (kind == null) {
            return;
        }
        boolean foundNothing = WaitKind.foundNothing(event);
        boolean isWait = event.blocking() || kind == WaitKind.ASYNC_COMPLETION;
        byKind.computeIfAbsent(kind, k -> new CallStats()).record(event, foundNothing, isWait);
        if (foundNothing) {
            byKind.computeIfAbsent(WaitKind.WOULD_BLOCK, k -> new CallStats()).recordWait(event.durationNanos());
        }
    }

    /** Adds another thread's or resource's figures to these (for groups and process totals). */
    public void add(IoStats other) {
        other.byKind.forEach((kind, stats) -> byKind.computeIfAbsent(kind, k -> new CallStats()).add(stats));
        copies.add(other.copies);
        events += other.events;
        firstStart = Math.min(firstStart, other.firstStart);
        lastEnd = Math.max(lastEnd, other.lastEnd);
    }

    /**
     * Adds figures a source counted rather than recorded call by call (a syscall log): {@code events} calls from
     * {@code firstStartNanos} to {@code lastEndNanos}; the calls of each kind go in through {@link #counted(WaitKind)}, the copies through {@link #copies()}.
     */
    public void addCounted(long events, long firstStartNanos, long lastEndNanos) {
        this.events += events;
        if (firstStartNanos <= lastEndNanos) { // a log without times has none to add
            firstStart = Math.min(firstStart, firstStartNanos);
            lastEnd = Math.max(lastEnd, lastEndNanos);
        }
    }

    /** The calls of one kind, to add counted figures to. */
    public CallStats counted(WaitKind kind) {
        return byKind.computeIfAbsent(kind, k -> new CallStats());
    }

    /** Time blocked in calls of every kind plus time in non-blocking calls that found nothing. */
    public long totalWaitNanos() {
        long total = 0;
        for (Map.Entry<WaitKind, CallStats> e : byKind.entrySet()) {
            if (e.getKey() != WaitKind.ASYNC_COMPLETION) {
                total += e.getValue().waits().total();
            }
        }
        return total;
    }

    /** The calls of one kind; an empty {@link CallStats} when there were none. */
    public CallStats calls(WaitKind kind) {
        CallStats stats = byKind.get(kind);
        return stats == null ? new CallStats() : stats;
    }

    /** Kinds with at least one call, in {@link WaitKind} order. */
    public Iterable<WaitKind> kinds() {
        return byKind.keySet();
    }

    public CopyStats copies() {
        return copies;
    }

    public long events() {
        return events;
    }

    /** Non-blocking calls that moved nothing, of every kind. */
    public long wouldBlock() {
        return calls(WaitKind.WOULD_BLOCK).calls();
    }

    /** Time spent in non-blocking calls that moved nothing. */
    public long wouldBlockNanos() {
        return calls(WaitKind.WOULD_BLOCK).waits().total();
    }

    /** Start of the first event, or 0 when there was none. */
    public long firstStartNanos() {
        return events == 0 ? 0 : firstStart;
    }

    /** End of the last event, or 0 when there was none. */
    public long lastEndNanos() {
        return events == 0 ? 0 : lastEnd;
    }
}
