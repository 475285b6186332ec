package io.iotrace.agent.recording;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Recording;
import io.iotrace.agent.runtime.ResourceTable;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Owns a recording: the threads' rings, the resource table, and the writer thread that drains the rings to
 * the file every few milliseconds, sooner when a ring fills up.
 *
 * <p>Memory is bounded by the threads recorded at once: each thread's ring has a fixed size, the rings together hold at
 * most the events of {@code maxThreads} platform threads' ({@link RingPool}), and the ring of a thread that ended
 * is drained and reused by the next. Threads beyond the bound get a recorder without a ring: their calls are added
 * to the summaries and counted as dropped, each one.
 *
 * <p>Nothing an application thread calls here takes a lock: the rings are single-producer, the list of live rings
 * and the resource table are lock-free, so a traced thread never waits for another one, or for the writer.
 */
public final class Recorder implements Recording {
    /**
     * The writer sleeps between these bounds: longer while the rings stay nearly empty (an idle JVM is woken
     * rarely and each drain moves a bigger batch), shorter while they fill up. A ring that reaches half full
     * wakes it at once, whatever the interval.
     */
    private static final long MIN_DRAIN_INTERVAL_NANOS = 1_000_000;
    private static final long MAX_DRAIN_INTERVAL_NANOS = 50_000_000;

    private final ResourceTable resources = new ResourceTable();
    /** False with {@code mode=summary}: the threads only add their calls up, and the file holds only snapshots. */
    private final boolean recordsCalls;
    private final RecordingWriter writer;
    private final SummarySnapshots summaries = new SummarySnapshots();
    private final long summaryIntervalNanos;
    private long nextSummaryNanos;
    private final RingPool rings;
    private final AtomicLong nextThreadKey = new AtomicLong(1);
    private final ConcurrentLinkedQueue<ThreadRecorder> live = new ConcurrentLinkedQueue<>();
    private long droppedByReleasedRings;
    private final Thread drainer;
    private volatile boolean closing;
    private IOException failure;

    /**
     * @param directory   where the set of recording files goes
     * @param maxBytes    bound on the set's size; older files are deleted first
     * @param maxAgeNanos bound on the age of the set's files (0: none)
     * @param recordsCalls whether each call is recorded, or only the summaries ({@code mode=summary})
     * @param summaryIntervalNanos how often a snapshot of the summaries is written
     */
    public Recorder(Path directory, long maxBytes, long maxAgeNanos, int ringEvents, int maxThreads,
                    String selectorProvider, boolean recordsCalls, long summaryIntervalNanos) throws IOException {
        this.writer = new RecordingWriter(new RecordingFiles(directory, ProcessHandle.current().pid(), maxBytes,
                maxAgeNanos));
        this.rings = new RingPool(ringEvents, maxThreads);
        this.recordsCalls = recordsCalls;
        this.summaryIntervalNanos = summaryIntervalNanos;
        long[] clocks = clockPair();
        writer.info(ProcessHandle.current().pid(), clocks[0], clocks[1],
                System.getProperty("java.version"), System.getProperty("sun.java.command", ""), selectorProvider);
        writer.flush();
        nextSummaryNanos = System.nanoTime() + summaryIntervalNanos;
        drainer = new Thread(this::drainLoop, "iotrace-writer");
        drainer.setDaemon(true);
    }

    public void start() {
        drainer.start();
    }

    /**
     * A recorder for the calling thread: with a ring while the pool's bound allows one, else (and with
     * {@code mode=summary}) without, so that its calls are summarized and, recording calls, dropped.
     */
    @Override
    public ThreadRecorder newThreadRecorder(Thread thread, boolean virtual) {
        long[] ring = recordsCalls ? rings.take(virtual) : ThreadRecorder.NO_RING;
        return new ThreadRecorder(nextThreadKey.getAndIncrement(), thread, virtual, ring, this);
    }

    @Override
    public boolean recordsCalls() {
        return recordsCalls;
    }

    @Override
    public ResourceTable resources() {
        return resources;
    }

    /**
     * Hands a thread's recorder, complete, to the writer, which writes its thread entry (OS thread id included) the
     * first time it sees it.
     */
    @Override
    public void publish(ThreadRecorder t) {
        live.add(t);
    }

    /** Called by a thread whose ring has just become half full. */
    @Override
    public void wakeWriter() {
        LockSupport.unpark(drainer);
    }

    private void drainLoop() {
        IoTrace.exemptCurrentThread();
        long interval = 10_000_000;
        while (!closing) {
            LockSupport.parkNanos(this, Math.max(0, Math.min(interval, nextSummaryNanos - System.nanoTime())));
            if (closing || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                interval = nextInterval(interval, drainOnce());
                long now = System.nanoTime();
                if (now - nextSummaryNanos >= 0) {
                    writeSummary();
                    // On the interval's beat; after a pause of the whole JVM, one snapshot rather than a burst.
                    long next = nextSummaryNanos + summaryIntervalNanos;
                    nextSummaryNanos = next - now > 0 ? next : now + summaryIntervalNanos;
                }
            } catch (IOException e) {
                fail(e);
                return;
            }
        }
    }

    /** Halves the interval when a ring was over a quarter full at the drain, doubles it when all were nearly empty. */
    private long nextInterval(long interval, double fullest) {
        if (fullest > 0.25) {
            return Math.max(MIN_DRAIN_INTERVAL_NANOS, interval / 2);
        }
        if (fullest < 0.0625) {
            return Math.min(MAX_DRAIN_INTERVAL_NANOS, interval * 2);
        }
        return interval;
    }

    /** Drains every ring; returns how full the fullest one was, as a fraction of its capacity. */
    private synchronized double drainOnce() throws IOException {
        if (failure != null) {
            return 0;
        }
        List<ThreadRecorder> threads = new ArrayList<>(live);
        // Read every head before taking resource definitions: an event published before this point had its
        // resource defined before it, so the file never names a resource it has not defined yet.
        long[] heads = new long[threads.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = threads.get(i).publishedHead();
        }
        // Without calls recorded, no chunk names a resource: the definitions that advice queued are let go.
        List<ResourceTable.Definition> definitions = resources.takePending();
        if (recordsCalls) {
            writer.resources(definitions);
        }
        double fullest = 0;
        Set<ThreadRecorder> ended = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < heads.length; i++) {
            ThreadRecorder t = threads.get(i);
            if (t.summaryGroup == null) {
                summaries.join(t);
            }
            if (recordsCalls) {
                if (t.capacity() > 0) {
                    fullest = Math.max(fullest, (double) (heads[i] - t.consumedTail()) / t.capacity());
                }
                writer.thread(t);
                writer.events(t, heads[i]);
            }
            if (!t.thread.isAlive() && t.consumedTail() == t.publishedHead()) {
                ended.add(t);
                droppedByReleasedRings += t.dropped();
                summaries.leave(t);
                writer.forget(t.key);
                rings.give(t.takeRing());
            }
        }
        if (!ended.isEmpty()) {
            // At once: removing each from the queue would cost a walk of it per thread.
            live.removeIf(ended::contains);
        }
        writer.flush();
        return fullest;
    }

    /** Writes a snapshot of the summaries, totals since the recording started. */
    private synchronized void writeSummary() throws IOException {
        if (failure == null) {
            writer.summary(summaries.snapshot(System.nanoTime(), recordsCalls));
            writer.flush();
        }
    }

    /** Drains what the threads have published and closes the file with its end marker. */
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        drainer.interrupt();
        try {
            drainOnce();
            writeSummary();
            long dropped = droppedByReleasedRings;
            for (ThreadRecorder t : live) {
                dropped += t.dropped();
            }
            if (failure == null) {
                writer.end(dropped);
            }
        } catch (IOException e) {
            IoTrace.warn("could not finish the recording: " + e.getMessage());
            fail(e);
        }
    }

    /** Stops recording after a write failed, and ends the file with why where the disk still allows it. */
    private synchronized void fail(IOException e) {
        if (failure != null) {
            return;
        }
        failure = e;
        IoTrace.disable("cannot write the recording: " + e.getMessage());
        writer.stop("the agent could not write: " + e.getMessage());
    }

    /**
     * A wall-clock time and the {@code nanoTime} of the same instant, which map event times to the wall clock of
     * strace logs. Read a few times, keeping the tightest bracket, so that a preemption between the two reads
     * does not shift every event of the recording.
     */
    private static long[] clockPair() {
        long bestGap = Long.MAX_VALUE;
        long[] best = new long[2];
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            java.time.Instant now = java.time.Instant.now();
            long after = System.nanoTime();
            if (after - before < bestGap) {
                bestGap = after - before;
                best[0] = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                best[1] = before + (after - before) / 2;
            }
        }
        return best;
    }
}
