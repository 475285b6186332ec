package io.iotrace.analyzers.event;

/**
 * Receives a syscall log's events in batches, split by thread into partitions that workers may feed at the same
 * time: only per-thread order matters, so each partition takes its threads' events from every batch, in log order.
 */
public interface PartitionedSyscallSink {
    /** How many partitions may be fed at once. */
    int partitions();

    /** The partition of a thread's events: the same for a thread all along. */
    int partitionOf(int tid);

    /** Reserves the ordinals of the next batch in the log, on the thread that reads the log, in log order. */
    long reserveBatch();

    /**
     * Feeds one partition's events of a batch, grouped by {@link SyscallEventBatch#groupByPartition}; calls for
     * one partition must not overlap and must come in order.
     */
    void acceptPartition(int partition, SyscallEventBatch events, long firstOrdinal);

    /**
     * Feeds events that are all of one partition's threads, in order, each with its own ordinal: from a stage
     * that joins, drops or adds events of a batch before they are added up (the halves of a {@code perf script}
     * call). Calls for one partition must not overlap, nor with {@link #acceptPartition} for it.
     */
    void acceptInOrder(int partition, SyscallEventBatch events, long[] ordinals);

    /**
     * Every partition has been fed the batch that starts at {@code firstOrdinal} and all before it; called on the
     * thread that reads the log, in log order.
     */
    void batchAdded(long firstOrdinal);
}
