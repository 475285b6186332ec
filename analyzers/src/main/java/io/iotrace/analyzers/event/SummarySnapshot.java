package io.iotrace.analyzers.event;

import java.util.List;

/**
 * The agent's summaries at one instant: per thread group, each kind of call added up since the recording started.
 * The figures of an interval are the difference of two snapshots.
 *
 * @param nanoTime       {@code System.nanoTime()} of the traced JVM when the snapshot was taken
 * @param sequence       0 for the recording's first snapshot, then 1, 2…: a set whose older files were deleted
 *                       begins with a later one
 * @param callsRecorded  whether the recording holds each call too (false with the agent's {@code mode=summary})
 * @param unsummarized   calls of a thread's kinds beyond what a thread's summary keeps: counted, not summarized
 * @param groupsLeftOut  groups that did not fit in the snapshot
 * @param groups         the thread groups, in the order the agent first saw them
 */
public record SummarySnapshot(long nanoTime, long sequence, boolean callsRecorded, long unsummarized,
                              long groupsLeftOut, List<Group> groups) {

    /** Buckets of a cell's histogram of call times. */
    public static final int BUCKETS = 32;

    /**
     * Upper bound, in ns, of the call times in histogram bucket {@code b}: bucket 0 holds calls under 256 ns, bucket b
     * those under 2^(b+8) ns; the last one has none (calls of 2^38 ns, about 275 s, and longer).
     */
    public static long bucketUpperNanos(int b) {
        return b >= BUCKETS - 1 ? Long.MAX_VALUE : 1L << (b + 8);
    }

    /**
     * One thread group: threads named alike, each run of digits written {@code #}.
     *
     * @param threadsAlive threads of the group alive at the snapshot
     * @param threadsSeen  threads of the group since the recording started
     */
    public record Group(String name, long threadsAlive, long threadsSeen, List<Cell> cells) {
    }

    /**
     * One kind of call of a group: an operation on a kind of resource.
     *
     * @param kind        null for calls without a resource (asynchronous completions)
     * @param bytes       bytes moved by calls that move bytes (reads, writes, datagrams, transfers)
     * @param copies      kernel↔user and JDK temporary-buffer copies
     * @param copiedBytes bytes those copies moved
     * @param nanos       time spent in the calls
     * @param buckets     calls by time, bucket {@code b} below {@link #bucketUpperNanos(int)}
     */
    public record Cell(Operation operation, ResourceKind kind, long count, long bytes, long copies, long copiedBytes,
                       long nanos, long[] buckets) {
    }
}
