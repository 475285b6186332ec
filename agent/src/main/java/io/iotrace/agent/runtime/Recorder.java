package io.iotrace.agent.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns a recording: the threads' rings, the resource table, and the writer thread that drains the rings to
 * the file every few milliseconds.
 *
 * <p>Memory is bounded: each thread's ring has a fixed size and at most {@code maxThreads} rings exist at
 * once; rings of threads that have ended are drained and released. Threads beyond the limit have their
 * events dropped and counted.
 */
public final class Recorder {
    private static final long DRAIN_INTERVAL_MILLIS = 10;

    final ResourceTable resources = new ResourceTable();
    private final RecordingWriter writer;
    private final int ringEvents;
    private final int maxThreads;
    private final AtomicLong nextThreadKey = new AtomicLong(1);
    private final List<ThreadRecorder> live = new ArrayList<>();
    private final AtomicLong droppedWithoutRing = new AtomicLong();
    private long droppedByReleasedRings;
    private final Thread drainer;
    private volatile boolean closing;
    private IOException failure;

    public Recorder(Path file, int ringEvents, int maxThreads, String selectorProvider) throws IOException {
        this.writer = new RecordingWriter(file);
        this.ringEvents = ringEvents;
        this.maxThreads = maxThreads;
        writer.info(ProcessHandle.current().pid(), epochNanos(), System.nanoTime(),
                System.getProperty("java.version"), System.getProperty("sun.java.command", ""), selectorProvider);
        writer.flush();
        drainer = new Thread(this::drainLoop, "iotrace-writer");
        drainer.setDaemon(true);
    }

    public void start() {
        drainer.start();
    }

    /** A recorder for the calling thread, or a permanently busy one when the limit of rings is reached. */
    ThreadRecorder newThreadRecorder(Thread thread, boolean virtual) {
        ThreadRecorder t = new ThreadRecorder(nextThreadKey.getAndIncrement(), thread, virtual, ringEvents);
        t.owner = this;
        synchronized (live) {
            if (live.size() >= maxThreads) {
                return null;
            }
            live.add(t);
        }
        return t;
    }

    void countDropWithoutRing() {
        droppedWithoutRing.incrementAndGet();
    }

    private void drainLoop() {
        IoTrace.exemptCurrentThread();
        while (!closing) {
            try {
                Thread.sleep(DRAIN_INTERVAL_MILLIS);
                drainOnce();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                }
                IoTrace.disable("cannot write the recording: " + e.getMessage());
                return;
            }
        }
    }

    private synchronized void drainOnce() throws IOException {
        if (failure != null) {
            return;
        }
        List<ThreadRecorder> threads;
        synchronized (live) {
            threads = new ArrayList<>(live);
        }
        // Read every head before taking resource definitions: an event published before this point had its
        // resource defined before it, so the file never names a resource it has not defined yet.
        long[] heads = new long[threads.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = threads.get(i).publishedHead();
        }
        writer.resources(resources.takePending());
        for (int i = 0; i < heads.length; i++) {
            ThreadRecorder t = threads.get(i);
            writer.thread(t);
            writer.events(t, heads[i]);
            if (!t.thread.isAlive() && t.consumedTail() == t.publishedHead()) {
                synchronized (live) {
                    live.remove(t);
                }
                droppedByReleasedRings += t.dropped();
            }
        }
        writer.flush();
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
            long dropped = droppedWithoutRing.get() + droppedByReleasedRings;
            synchronized (live) {
                for (ThreadRecorder t : live) {
                    dropped += t.dropped();
                }
            }
            if (failure == null) {
                writer.end(dropped);
            }
        } catch (IOException e) {
            IoTrace.warn("could not finish the recording: " + e.getMessage());
        }
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
