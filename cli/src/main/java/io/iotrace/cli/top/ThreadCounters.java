package io.iotrace.cli.top;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Running totals per thread over a recording followed as it grows: calls, bytes in and out, time in calls, and
 * the longest stall of a selector loop since the interval began.
 */
final class ThreadCounters implements EventHandler {
    /** One thread's totals. */
    static final class Counter {
        long calls;
        long bytesIn;
        long bytesOut;
        long callNanos;
        long lastSelectEnd;
        /** Longest time between a select's return and the next select, in this interval. */
        long newStallNanos;

        Counter copy() {
            Counter c = new Counter();
            c.calls = calls;
            c.bytesIn = bytesIn;
            c.bytesOut = bytesOut;
            c.callNanos = callNanos;
            c.lastSelectEnd = lastSelectEnd;
            c.newStallNanos = newStallNanos;
            return c;
        }
    }

    private final Map<Long, Counter> threads = new HashMap<>();
    /**
     * Whether each asynchronous read or write in flight brings bytes in, by the operation's id, in submission order:
     * its bytes come with its completion, which does not say which way they went.
     */
    private final Map<Long, ArrayDeque<Boolean>> inboundInFlight = new HashMap<>();

    /** Starts a new interval: stalls are measured afresh; totals run on. */
    void startInterval() {
        threads.values().forEach(c -> c.newStallNanos = 0);
    }

    /** The totals now, apart from the counters that go on changing. */
    Map<Long, Counter> snapshot() {
        Map<Long, Counter> copy = new HashMap<>();
        threads.forEach((key, c) -> copy.put(key, c.copy()));
        return copy;
    }

    @Override
    public void onEvent(IoEvent event) {
        Counter c = threads.computeIfAbsent(event.thread().key(), k -> new Counter());
        c.calls++;
        c.callNanos += event.durationNanos();
        if (event.operation().movesBytes()) {
            count(c, event.operation().isInbound(), event.bytesMoved());
        } else if (event.operation() == Operation.ASYNC_SUBMIT) {
            Operation submitted = Operation.ofCode((int) event.result());
            if (submitted != null && submitted.movesBytes()) {
                inboundInFlight.computeIfAbsent(event.related(), k -> new ArrayDeque<>()).add(submitted.isInbound());
            }
        } else if (event.operation() == Operation.ASYNC_COMPLETE) {
            ArrayDeque<Boolean> inbound = inboundInFlight.get(event.related());
            if (inbound != null) {
                count(c, inbound.poll(), event.bytesMoved());
                if (inbound.isEmpty()) {
                    inboundInFlight.remove(event.related());
                }
            }
        }
        if (event.operation() == Operation.SELECT) {
            if (c.lastSelectEnd != 0) {
                c.newStallNanos = Math.max(c.newStallNanos, event.startNanos() - c.lastSelectEnd);
            }
            c.lastSelectEnd = event.endNanos();
        }
    }

    private static void count(Counter c, boolean inbound, long bytes) {
        if (inbound) {
            c.bytesIn += bytes;
        } else {
            c.bytesOut += bytes;
        }
    }
}
