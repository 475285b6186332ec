package io.iotrace.analyzers.report;

import io.iotrace.analyzers.stats.IoStats;
import io.iotrace.analyzers.stats.WaitKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a thread, group, resource or process.
 *
 * @param events          events recorded
 * @param totalWaitNanos  time blocked plus time in non-blocking calls that found nothing
 * @param wouldBlock      non-blocking calls that moved nothing
 * @param wouldBlockNanos time spent in them
 * @param waits           per kind of call, in the order read, write, accept, connect, select, transfer,
 *                        asyncCompletion, wouldBlock; kinds without calls left out
 * @param copies          how the bytes were copied
 */
public record IoSummary(long events, long totalWaitNanos, long wouldBlock, long wouldBlockNanos,
                        List<WaitReport> waits, CopyReport copies) {

    static IoSummary of(IoStats stats) {
        List<WaitReport> waits = new ArrayList<>();
        for (WaitKind kind : stats.kinds()) {
            waits.add(WaitReport.of(kind, stats.calls(kind)));
        }
        return new IoSummary(stats.events(), stats.totalWaitNanos(), stats.wouldBlock(), stats.wouldBlockNanos(),
                List.copyOf(waits), CopyReport.of(stats.copies()));
    }

    /** The figures of one kind of call, or null when there was none. */
    public WaitReport wait(WaitKind kind) {
        return waits.stream().filter(w -> w.kind() == kind).findFirst().orElse(null);
    }
}
