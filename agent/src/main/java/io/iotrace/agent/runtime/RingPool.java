package io.iotrace.agent.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads' rings, within one bound on the events they can hold together, and reused: a thread that ends gives
 * its ring back (once the writer has drained it) and the next thread to start takes it. So what the rings weigh is
 * bounded by the threads recorded at once, never by every thread that lived, and thousands of short-lived threads
 * do not each allocate one.
 *
 * <p>A platform thread's ring holds {@code ring} events; a virtual thread's a few dozen, for there may be tens of
 * thousands of them alive and each does little between two drains. The bound counts events, so a virtual thread
 * takes a small share of it and a server of 10,000 virtual threads fits where 1,024 platform threads would. A thread
 * that finds the bound reached gets no ring: its calls are summarized and counted as dropped.
 *
 * <p>Lock-free: application threads take rings when they first do I/O, the writer thread gives them back.
 */
final class RingPool {
    /** The ring of a thread whose calls are not recorded: full from the start, so each call counts as dropped. */
    static final long[] NO_RING = new long[0];
    /** Events in a virtual thread's ring: the writer is woken when one is half full. */
    static final int VIRTUAL_THREAD_RING_EVENTS = 64;

    private final int platformEvents;
    private final int virtualEvents;
    private final long boundEvents;
    /** Events of every ring allocated, in use or waiting here to be reused. */
    private final AtomicLong allocatedEvents = new AtomicLong();
    private final ConcurrentLinkedQueue<long[]> freePlatform = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> freeVirtual = new ConcurrentLinkedQueue<>();

    /**
     * @param ringEvents events of a platform thread's ring, rounded to a power of two of at least 16
     * @param maxThreads the bound is the events of this many platform threads' rings
     */
    RingPool(int ringEvents, int maxThreads) {
        this.platformEvents = Integer.highestOneBit(Math.max(16, ringEvents));
        this.virtualEvents = Math.min(platformEvents, VIRTUAL_THREAD_RING_EVENTS);
        this.boundEvents = (long) platformEvents * Math.max(0, maxThreads);
    }

    /** A ring for a new thread: a reused one, a new one within the bound, or {@link #NO_RING}. */
    long[] take(boolean virtual) {
        int events = virtual ? virtualEvents : platformEvents;
        ConcurrentLinkedQueue<long[]> free = virtual ? freeVirtual : freePlatform;
        ConcurrentLinkedQueue<long[]> other = virtual ? freePlatform : freeVirtual;
        while (true) {
            long[] reused = free.poll();
            if (reused != null) {
                return reused;
            }
            long allocated = allocatedEvents.get();
            if (allocated + events <= boundEvents) {
                if (allocatedEvents.compareAndSet(allocated, allocated + events)) {
                    return new long[events * RecordingFormat.EVENT_LONGS];
                }
                continue;
            }
            // The bound is reached: rings of the other kind waiting to be reused make room, else there is none.
            long[] unused = other.poll();
            if (unused == null) {
                return NO_RING;
            }
            allocatedEvents.addAndGet(-(long) unused.length / RecordingFormat.EVENT_LONGS);
        }
    }

    /** Takes back the ring of a thread that ended, drained. */
    void give(long[] ring) {
        if (ring.length == 0) {
            return;
        }
        if (ring.length == virtualEvents * RecordingFormat.EVENT_LONGS) {
            freeVirtual.add(ring);
        } else {
            freePlatform.add(ring);
        }
    }
}
