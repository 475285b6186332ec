package io.iotrace.analyzers.event;

import io.iotrace.analyzers.event.SyscallEvent.Kind;

import java.util.Arrays;

/**
 * The events of a stretch of a log in columns, one array per {@link SyscallEvent} field: a parser fills it without
 * an object per event, and it is cleared and filled again chunk after chunk. An object per event was most of what
 * the parse allocated, and events waiting in chunks for their turn outlived young collections.
 */
public final class SyscallEventBatch {
    private static final Kind[] KINDS = Kind.values();
    private static final FdKind[] FD_KINDS = FdKind.values();

    private int size;
    private int[] tids;
    private long[] starts;
    private long[] durations;
    /** Enums by ordinal: a byte to write instead of a reference, which the collector's write barrier checks. */
    private byte[] kinds;
    private String[] names;
    private int[] fds;
    private byte[] fdKinds;
    private long[] results;
    private String[] errnos;
    private byte[] resultFdKinds;
    private long[] arguments;
    private String[] texts;
    private int[] flags;
    /** The events' indices grouped by partition ({@link #groupByPartition}), and where each group starts. */
    private int[] partitionOrder = new int[0];
    private int[] partitionStarts = new int[0];

    public SyscallEventBatch(int capacity) {
        allocate(Math.max(1, capacity));
    }

    private void allocate(int capacity) {
        tids = new int[capacity];
        starts = new long[capacity];
        durations = new long[capacity];
        kinds = new byte[capacity];
        names = new String[capacity];
        fds = new int[capacity];
        fdKinds = new byte[capacity];
        results = new long[capacity];
        errnos = new String[capacity];
        resultFdKinds = new byte[capacity];
        arguments = new long[capacity];
        texts = new String[capacity];
        flags = new int[capacity];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /**
     * Groups the events' indices by the partition of their thread, in log order within each group, so that each
     * partition's worker visits its own events only: scanning the whole batch once per partition read every
     * column once per partition, and the columns of a chunk are larger than a core's cache.
     */
    public void groupByPartition(PartitionedSyscallSink sink) {
        int partitions = sink.partitions();
        if (partitionStarts.length != partitions + 1) {
            partitionStarts = new int[partitions + 1];
        }
        if (partitionOrder.length < size) {
            partitionOrder = new int[tids.length];
        }
        int[] counts = partitionStarts;
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < size; i++) {
            counts[sink.partitionOf(tids[i]) + 1]++;
        }
        for (int p = 0; p < partitions; p++) {
            counts[p + 1] += counts[p];
        }
        int[] next = java.util.Arrays.copyOf(counts, partitions);
        for (int i = 0; i < size; i++) {
            partitionOrder[next[sink.partitionOf(tids[i])]++] = i;
        }
    }

    /** Where partition {@code p}'s events start in {@link #partitionOrder}; valid after {@link #groupByPartition}. */
    public int partitionStart(int p) {
        return partitionStarts[p];
    }

    /** Where partition {@code p}'s events end in {@link #partitionOrder}. */
    public int partitionEnd(int p) {
        return partitionStarts[p + 1];
    }

    /** The index of the {@code k}-th event of the grouped order. */
    public int partitionOrder(int k) {
        return partitionOrder[k];
    }

    /** Appends an event; the arguments are the fields of {@link SyscallEvent}. */
    public void add(int tid, long startNanos, long durationNanos, Kind kind, String name, int fd, FdKind fdKind,
                    long result, String errno, FdKind resultFdKind, long argument, String text, int eventFlags) {
        if (size == tids.length) {
            grow();
        }
        int i = size++;
        tids[i] = tid;
        starts[i] = startNanos;
        durations[i] = durationNanos;
        kinds[i] = (byte) kind.ordinal();
        names[i] = name;
        fds[i] = fd;
        fdKinds[i] = (byte) fdKind.ordinal();
        results[i] = result;
        errnos[i] = errno;
        resultFdKinds[i] = (byte) resultFdKind.ordinal();
        arguments[i] = argument;
        texts[i] = text;
        flags[i] = eventFlags;
    }

    public void add(SyscallEvent event) {
        add(event.tid(), event.startNanos(), event.durationNanos(), event.kind(), event.name(), event.fd(),
                event.fdKind(), event.result(), event.errno(), event.resultFdKind(), event.argument(), event.text(),
                event.flags());
    }

    /** Appends event {@code i} of another batch. */
    public void add(SyscallEventBatch from, int i) {
        add(from.tids[i], from.starts[i], from.durations[i], from.kind(i), from.names[i], from.fds[i],
                from.fdKind(i), from.results[i], from.errnos[i], from.resultFdKind(i), from.arguments[i],
                from.texts[i], from.flags[i]);
    }

    /** Event {@code i} as a record, for consumers that keep events. */
    public SyscallEvent event(int i) {
        return new SyscallEvent(tids[i], starts[i], durations[i], kind(i), names[i], fds[i], fdKind(i),
                results[i], errnos[i], resultFdKind(i), arguments[i], texts[i], flags[i]);
    }

    private void grow() {
        int capacity = tids.length * 2;
        tids = Arrays.copyOf(tids, capacity);
        starts = Arrays.copyOf(starts, capacity);
        durations = Arrays.copyOf(durations, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        names = Arrays.copyOf(names, capacity);
        fds = Arrays.copyOf(fds, capacity);
        fdKinds = Arrays.copyOf(fdKinds, capacity);
        results = Arrays.copyOf(results, capacity);
        errnos = Arrays.copyOf(errnos, capacity);
        resultFdKinds = Arrays.copyOf(resultFdKinds, capacity);
        arguments = Arrays.copyOf(arguments, capacity);
        texts = Arrays.copyOf(texts, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    public int tid(int i) {
        return tids[i];
    }

    public long startNanos(int i) {
        return starts[i];
    }

    public long durationNanos(int i) {
        return durations[i];
    }

    public Kind kind(int i) {
        return KINDS[kinds[i]];
    }

    public String name(int i) {
        return names[i];
    }

    public int fd(int i) {
        return fds[i];
    }

    public FdKind fdKind(int i) {
        return FD_KINDS[fdKinds[i]];
    }

    public FdKind resultFdKind(int i) {
        return FD_KINDS[resultFdKinds[i]];
    }

    public long result(int i) {
        return results[i];
    }

    public String errno(int i) {
        return errnos[i];
    }

    public long argument(int i) {
        return arguments[i];
    }

    public String text(int i) {
        return texts[i];
    }

    public int flags(int i) {
        return flags[i];
    }
}
