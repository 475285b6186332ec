package io.iotrace.analyzers.summary;

import java.util.List;

/**
 * What a recording's summaries say about its run, part of the process's report: per thread group and kind of call,
 * the whole run (totals since the agent started), the first and last interval with such calls and the worst one.
 * Times are ns since the agent started; percentiles are the upper bounds of their histogram buckets.
 *
 * @param snapshots          snapshots read
 * @param snapshotsWritten   snapshots the agent wrote; more than read when the oldest files of a rolling set went
 * @param firstSnapshotNanos when the first snapshot read was taken
 * @param lastSnapshotNanos  when the last was taken
 * @param callsRecorded      false for {@code mode=summary}: the agent added the calls up and recorded none
 * @param unsummarizedCalls  calls counted but not added to any group's summary
 * @param groupsLeftOut      thread groups left out of the last snapshot
 * @param groups             the thread groups with calls, with their threads seen and alive at the end
 * @param calls              per group and kind of call, the most time first
 */
public record SummaryReport(long snapshots, long snapshotsWritten, long firstSnapshotNanos, long lastSnapshotNanos,
                            boolean callsRecorded, long unsummarizedCalls, long groupsLeftOut,
                            List<GroupThreads> groups, List<CallSummary> calls) {

    /** A thread group's threads, seen over the run and alive at the last snapshot. */
    public record GroupThreads(String name, long threadsSeen, long threadsAlive) {
    }

    /** One kind of call of a group; {@code first}, {@code last} and {@code worst} are null before two snapshots. */
    public record CallSummary(String group, String operation, String resource, IntervalFigures wholeRun,
                              IntervalFigures first, IntervalFigures last, IntervalFigures worst) {
    }

    /** One kind of call's figures between two instants, in ns since the agent started. */
    public record IntervalFigures(long fromNanos, long toNanos, long calls, long bytes, long copiedBytes,
                                  long totalNanos, long p50Nanos, long p99Nanos) {

        /** Calls per second. */
        public double rate() {
            return toNanos > fromNanos ? calls * 1e9 / (toNanos - fromNanos) : 0;
        }
    }
}
