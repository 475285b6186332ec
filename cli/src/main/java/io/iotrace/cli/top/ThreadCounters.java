package io.iotrace.cli.top;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import java.util.HashMap;
import java.util.Map;

/**
 * Running totals per thread over a whole recording, read again at every refresh: calls, bytes in and out, time in
 * calls, and the longest stall of a selector loop among the events the previous read had not seen.
 */
final class ThreadCounters implements EventHandler {
    /** One thread's totals. */
    static final class Counter {
        long calls;
        long bytesIn;
        long bytesOut;
        long callNanos;
        long lastSelectEnd;
        /** Longest time between a select's return and the next select, among the new events. */
        long newStallNanos;
    }

    private final Map<Long, Counter> threads = new HashMap<>();
    private final Map<Long, Long> seenBefore;

    /** @param seenBefore calls per thread that the previous read counted, so that only newer stalls count */
    ThreadCounters(Map<Long, Long> seenBefore) {
        this.seenBefore = seenBefore;
    }

    @Override
    public void onEvent(IoEvent event) {
        Counter c = threads.computeIfAbsent(event.thread().key(), k -> new Counter());
        c.calls++;
        c.callNanos += event.durationNanos();
        if (event.operation().movesBytes()) {
            if (event.operation().isInbound()) {
                c.bytesIn += event.bytesMoved();
            } else {
                c.bytesOut += event.bytesMoved();
            }
        }
        if (event.operation() == Operation.SELECT) {
            boolean isNew = c.calls > seenBefore.getOrDefault(event.thread().key(), 0L);
            if (c.lastSelectEnd != 0 && isNew) {
                c.newStallNanos = Math.max(c.newStallNanos, event.startNanos() - c.lastSelectEnd);
            }
            c.lastSelectEnd = event.endNanos();
        }
    }

    Map<Long, Counter> threads() {
        return threads;
    }
}
