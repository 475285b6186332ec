package io.iotrace.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap a run holds: the heap in use right after full collections, which a sampler thread asks for about
 * {@value #SAMPLES} times while the run goes on. The heap in use after any collection overstated it: G1's young
 * collections leave the old generation's garbage in place until a mixed or full one, so that figure grew with how
 * long the collector had let garbage pile up, not with what the parse keeps (a log of 100,000 threads showed 152 MiB
 * there, 43 MiB after a full collection). What the workers allocate between a collection's end and the reading is
 * counted too, a few of their allocation buffers at most. The collections slow the run: it is measured apart from
 * the timed ones.
 */
final class PeakLiveHeap {
    private static final int SAMPLES = 20;

    private PeakLiveHeap() {
    }

    /**
     * Runs {@code run} with full collections about {@value #SAMPLES} times; returns the most heap it kept.
     *
     * @param seconds how long the run takes without the collections
     */
    static long of(StraceParseBenchmark.Run run, double seconds) throws Exception {
        long sampleMillis = Math.max(2, (long) (seconds * 1000 / SAMPLES));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(sampleMillis);
                    memory.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
            } catch (InterruptedException stopped) {
                // The run is over.
            }
        }, "iotrace-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            run.lines();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return peak.get();
    }
}
