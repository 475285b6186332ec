package io.iotrace.analyzers.stats;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Outcome;

/** Counts of one kind of call, and the time blocking calls of that kind waited. */
public final class CallStats {

    private final LogHistogram waits = new LogHistogram();
    private long calls;
    private long nonBlockingCalls;
    private long wouldBlock;
    private long bytes;
    private long endOfStream;
    private long exceptions;

    void record(IoEvent event, boolean foundNothing, boolean isWait) {
        calls++;
        if (!event.blocking()) {
            nonBlockingCalls++;
        }
        if (isWait) {
            waits.record(event.durationNanos());
        }
        if (foundNothing) {
            wouldBlock++;
        }
        if (movesData(event)) {
            bytes += event.bytesMoved();
        }
        if (event.outcome() == Outcome.END_OF_STREAM) {
            endOfStream++;
        } else if (event.outcome() == Outcome.EXCEPTION) {
            exceptions++;
        }
    }

    /**
     * Calls whose result is a byte count. A connect's result is 1 for connected, and an accept's completion carries
     * the new channel's id: neither is bytes.
     */
    private static boolean movesData(IoEvent event) {
        WaitKind kind = WaitKind.of(event.operation());
        return kind == WaitKind.READ || kind == WaitKind.WRITE || kind == WaitKind.TRANSFER
                || kind == WaitKind.ASYNC_COMPLETION && event.requested() > 0;
    }

    void add(CallStats other) {
        waits.add(other.waits);
        calls += other.calls;
        nonBlockingCalls += other.nonBlockingCalls;
        wouldBlock += other.wouldBlock;
        bytes += other.bytes;
        endOfStream += other.endOfStream;
        exceptions += other.exceptions;
    }

    /**
     * Adds calls a source counted rather than recorded one by one (a syscall log's figures per syscall).
     *
     * @param waited the durations of those of them that count as waits
     */
    public void addCounted(long calls, long wouldBlock, long bytes, LogHistogram waited) {
        this.calls += calls;
        this.wouldBlock += wouldBlock;
        this.bytes += bytes;
        waits.add(waited);
    }

    void recordWait(long nanos) {
        calls++;
        waits.record(nanos);
    }

    /**
     * Durations of the blocking calls; for {@link WaitKind#WOULD_BLOCK}, of the calls that found nothing; for
     * {@link WaitKind#ASYNC_COMPLETION}, submit→completion.
     */
    public LogHistogram waits() {
        return waits;
    }

    public long calls() {
        return calls;
    }

    public long nonBlockingCalls() {
        return nonBlockingCalls;
    }

    public long wouldBlock() {
        return wouldBlock;
    }

    public long bytes() {
        return bytes;
    }

    public long endOfStream() {
        return endOfStream;
    }

    public long exceptions() {
        return exceptions;
    }
}
