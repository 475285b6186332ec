package io.iotrace.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap still in use right after a collection: what the parse holds, without the garbage it has not yet
 * given back, which a pool's peak counts and whose size depends on when the collector ran. Flat across sizes and
 * thread counts is what bounded memory means.
 */
final class PeakLiveHeap {
    private static final AtomicLong PEAK = new AtomicLong();

    private PeakLiveHeap() {
    }

    /** Listens to every collector of this JVM; call once. */
    static void watch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long live = 0;
                        for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            live += usage.getUsed();
                        }
                        PEAK.accumulateAndGet(live, Math::max);
                    }
                }, null, null);
            }
        }
    }

    static void reset() {
        PEAK.set(0);
    }

    static long peak() {
        return PEAK.get();
    }
}
