package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's events: a single-producer, single-consumer ring of fixed-size records.
 *
 * <p>The owning thread writes a record and publishes it with a release store; the writer thread reads up
 * to the published head and frees the space with a release store of the tail. When the ring is full the
 * event is dropped and counted: the application never waits for the recorder.
 */
public final class ThreadRecorder {
    /** The ring of a thread whose calls are not recorded: full from the start, so each call counts as dropped. */
    public static final long[] NO_RING = new long[0];

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(ThreadRecorder.class, "head", long.class);
            TAIL = lookup.findVarHandle(ThreadRecorder.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final long key;
    public final Thread thread;
    public final boolean virtual;
    volatile int osTid;
    /**
     * The recording this ring belongs to; null for the agent's own threads, which stay exempt. A thread
     * that outlives one attach session must not write into the next session with the old ring.
     */
    final Recording owner;

    /** What this thread's calls add up to, kept by the thread itself whether or not its calls are recorded. */
    public final CallSummary summary = new CallSummary();
    /** The writer's group of this thread (its summaries' snapshots); null until the writer has seen it. */
    public Object summaryGroup;

    /** The ring's records; handed back to the recording's pool of rings once the thread has ended. */
    private long[] ring;
    private int mask;
    @SuppressWarnings("unused") // accessed through HEAD
    private volatile long head;
    @SuppressWarnings("unused") // accessed through TAIL
    private volatile long tail;
    private volatile long dropped;

    /** Set while this thread is inside an instrumented call, so nested JDK calls are not recorded twice. */
    boolean busy;
    /** The self-test's calls are counted, not recorded. */
    boolean selfTest;
    int selfTestHits;

    long start;
    long requested;
    /** The host lookup in progress ({@link BlockingEvents#beginHostLookup}), typed Object: no JFR type is the boot part's. */
    Object hostLookup;
    /** The event begun for the call in progress ({@link BlockingEvents#beginCall}), typed Object for the same reason. */
    Object blockingCall;

    // A small direct-mapped cache of resource ids, so that the hot path rarely takes the shared table's lock.
    final Object[] cachedResources = new Object[64];
    final int[] cachedIds = new int[64];

    /**
     * @param ring {@link RecordingFormat#EVENT_LONGS} longs for each of a power of two of events; empty for none (the
     *             thread's calls are then only summarized)
     */
    public ThreadRecorder(long key, Thread thread, boolean virtual, long[] ring, Recording owner) {
        this.key = key;
        this.owner = owner;
        this.thread = thread;
        this.virtual = virtual;
        this.ring = ring;
        this.mask = ring.length / RecordingFormat.EVENT_LONGS - 1;
    }

    void record(long start, long duration, long packed, long requested, long result, long related) {
        long h = (long) HEAD.getOpaque(this);
        long used = h - (long) TAIL.getAcquire(this);
        if (used > mask) {
            dropped++;
            return;
        }
        int i = (int) (h & mask) * RecordingFormat.EVENT_LONGS;
        long[] r = ring;
        r[i] = start;
        r[i + 1] = duration;
        r[i + 2] = packed;
        r[i + 3] = requested;
        r[i + 4] = result;
        r[i + 5] = related;
        HEAD.setRelease(this, h + 1);
        if (used == mask >> 1) {
            // Just became half full: wake the writer now rather than risk drops before its next round.
            Recording o = owner;
            if (o != null) {
                o.wakeWriter();
            }
        }
    }

    /** Ring size in events. */
    public int capacity() {
        return mask + 1;
    }

    /**
     * Writer side, once the thread has ended and its ring is drained: takes the ring away for another thread to
     * reuse. Nothing can record into it any more; were anything to, it would be counted as dropped.
     */
    public long[] takeRing() {
        long[] r = ring;
        ring = NO_RING;
        mask = -1;
        return r;
    }

    /** Writer side: the published head, read once per drain so that later events wait for the next drain. */
    public long publishedHead() {
        return (long) HEAD.getAcquire(this);
    }

    public long consumedTail() {
        return (long) TAIL.getOpaque(this);
    }

    /**
     * Writer side: hands the events in [tail, upTo) to {@code sink} as at most two contiguous runs of the ring
     * (the second when the range wraps), then frees their space.
     */
    public int drainTo(long upTo, EventSink sink) {
        long t = (long) TAIL.getOpaque(this);
        int n = (int) (upTo - t);
        if (n <= 0) {
            return 0;
        }
        int capacity = mask + 1;
        int first = (int) (t & mask);
        int run = Math.min(n, capacity - first);
        sink.accept(ring, first * RecordingFormat.EVENT_LONGS, run);
        if (run < n) {
            sink.accept(ring, 0, n - run);
        }
        TAIL.setRelease(this, upTo);
        return n;
    }

    public long dropped() {
        return dropped;
    }

    /** The OS thread id of a platform thread, 0 for a virtual one or before it is known. */
    public int osTid() {
        return osTid;
    }

    /** Receives {@code count} events that lie one after another from {@code events[offset]}. */
    public interface EventSink {
        void accept(long[] events, int offset, int count);
    }
}
