package io.iotrace.agent.recording;

import io.iotrace.agent.runtime.RecordingFormat;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads' rings, within one bound on the events they hold together, and reused: a thread that ends gives its
 * ring back (once the writer has drained it) and the next thread to start takes it. So what the rings weigh is
 * bounded by the threads recorded at once, never by every thread that lived, and thousands of short-lived threads do
 * not each allocate one.
 *
 * <p>The bound is the events of {@code maxThreads} rings of {@code ring} events. Rather than stop at that many
 * threads, rings get smaller as the bound nears: full-size while more than half of it is free, half-size while more
 * than a quarter is, and so on down to {@value #MIN_RING_EVENTS} events. So a thread-per-connection server of a few
 * thousand platform threads is recorded whole within the same memory, the first threads with the largest rings. A
 * virtual thread's ring holds at most {@value #VIRTUAL_THREAD_RING_EVENTS} events: there may be tens of thousands
 * alive and each does little between two drains. A thread that finds no room gets no ring: its calls are summarized
 * and counted as dropped.
 *
 * <p>Lock-free: application threads take rings when they first do I/O, the writer thread gives them back.
 */
final class RingPool {
    static final int VIRTUAL_THREAD_RING_EVENTS = 64;
    /** The writer is woken when a ring is half full: smaller rings would wake it for every few calls. */
    static final int MIN_RING_EVENTS = 16;

    private final int platformEvents;
    private final int virtualEvents;
    private final int maxThreads;
    private final long boundEvents;
    /** Events of every ring allocated, in use or waiting here to be reused. */
    private final AtomicLong allocatedEvents = new AtomicLong();
    private final ConcurrentLinkedQueue<long[]> free = new ConcurrentLinkedQueue<>();

    /**
     * @param ringEvents events of a full-size ring, rounded to a power of two of at least {@value #MIN_RING_EVENTS}
     * @param maxThreads the bound is the events of this many full-size rings
     */
    RingPool(int ringEvents, int maxThreads) {
        this.platformEvents = Integer.highestOneBit(Math.max(MIN_RING_EVENTS, ringEvents));
        this.virtualEvents = Math.min(platformEvents, VIRTUAL_THREAD_RING_EVENTS);
        this.maxThreads = Math.max(1, maxThreads);
        this.boundEvents = (long) platformEvents * Math.max(0, maxThreads);
    }

    /** A ring for a new thread: a reused one, a new one within the bound, or {@link ThreadRecorder#NO_RING}. */
    long[] take(boolean virtual) {
        int largest = virtual ? virtualEvents : platformEvents;
        while (true) {
            long allocated = allocatedEvents.get();
            int events = size(largest, boundEvents - allocated);
            long[] reused = free.poll();
            if (reused != null) {
                if (reused.length >= events * RecordingFormat.EVENT_LONGS) {
                    return reused;
                }
                // Smaller than the room now allows: its events go back to the room, and a larger ring is made.
                allocatedEvents.addAndGet(-(long) reused.length / RecordingFormat.EVENT_LONGS);
                continue;
            }
            if (events == 0) {
                return ThreadRecorder.NO_RING;
            }
            if (allocatedEvents.compareAndSet(allocated, allocated + events)) {
                return new long[events * RecordingFormat.EVENT_LONGS];
            }
        }
    }

    /**
     * The events of a new ring when {@code room} events of the bound are free: {@code largest} while half the bound
     * is free, then halved each time the room halves; 0 when not even the smallest ring fits.
     */
    private int size(int largest, long room) {
        long share = Math.min(largest, 2 * room / maxThreads);
        if (share < MIN_RING_EVENTS) {
            return room >= MIN_RING_EVENTS ? MIN_RING_EVENTS : 0;
        }
        return Integer.highestOneBit((int) share);
    }

    /** Takes back the ring of a thread that ended, drained. */
    void give(long[] ring) {
        if (ring.length > 0) {
            free.add(ring);
        }
    }
}
