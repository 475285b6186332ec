package io.iotrace.agent.runtime;

/**
 * One thread's calls added up by operation and resource kind: count, bytes, copies and a histogram of call times,
 * since the thread's first call. Only the owning thread writes it, with plain stores and no lock; the writer thread
 * reads it for each snapshot of the summaries, and may see a call's count before its bytes: the next
 * snapshot has both.
 *
 * <p>Memory is fixed once a thread has made each kind of call it makes: a cell is allocated the first time a
 * thread makes a call of a new operation on a new kind of resource, never per call. A thread that makes more than
 * {@link #MAX_CELLS} kinds of call (none seen so far) has the calls of the further kinds counted, not summarized.
 */
public final class CallSummary {
    /** The kind of a call that names no resource (an asynchronous completion). */
    public static final int NO_KIND = 15;

    static final int COUNT = 0;
    static final int BYTES = 1;
    /** Kernel↔user and JDK temporary-buffer copies made. */
    static final int COPIES = 2;
    static final int COPIED_BYTES = 3;
    static final int NANOS = 4;
    /** First of the histogram's buckets of call times: bucket 0 below 256 ns, bucket b below 2^(b+8) ns. */
    public static final int BUCKETS = 5;
    static final int HISTOGRAM_BUCKETS = 32;
    public static final int CELL_LONGS = BUCKETS + HISTOGRAM_BUCKETS;
    static final int MAX_CELLS = 32;

    private final int[] keys = new int[MAX_CELLS];
    private final long[][] cells = new long[MAX_CELLS][];
    /** Cells in use: written after the cell it counts, so the writer never reads a cell not yet filled in. */
    private volatile int used;
    private int lastKey = -1;
    private long[] lastCell;
    /** Calls of kinds beyond {@link #MAX_CELLS}, read by the writer. */
    public volatile long unsummarized;

    /** The summary's key of a call: its operation and its resource's kind. */
    static int key(int op, int kind) {
        return op << 4 | (kind & 0xF);
    }

    static int bucket(long nanos) {
        return Math.min(HISTOGRAM_BUCKETS - 1, 64 - Long.numberOfLeadingZeros(nanos >>> 8));
    }

    /**
     * Adds one finished call.
     *
     * @param moved    what the call returned: bytes for calls that move bytes, -1 at end of stream
     * @param buffer   the {@link Ops} buffer kind, which tells whether the JDK copied the bytes once more
     */
    void add(int op, int kind, int buffer, long moved, long nanos) {
        int key = key(op, kind);
        long[] c = key == lastKey ? lastCell : cell(key);
        if (c == null) {
            unsummarized++;
            return;
        }
        c[COUNT]++;
        c[NANOS] += nanos;
        c[BUCKETS + bucket(nanos)]++;
        if (moved > 0) {
            if (op == Ops.READ || op == Ops.WRITE || op == Ops.RECEIVE || op == Ops.SEND) {
                // The same rule as the analyzers' CopyStats: one kernel↔user copy, one more through a JDK
                // temporary buffer when the caller's buffer is on the heap.
                int copies = buffer == Ops.HEAP_ARRAY || buffer == Ops.HEAP_BUFFER ? 2 : 1;
                c[BYTES] += moved;
                c[COPIES] += copies;
                c[COPIED_BYTES] += copies * moved;
            } else if (op == Ops.TRANSFER_TO || op == Ops.TRANSFER_FROM) {
                c[BYTES] += moved;
            }
        }
    }

    private long[] cell(int key) {
        int n = used;
        for (int i = 0; i < n; i++) {
            if (keys[i] == key) {
                lastKey = key;
                lastCell = cells[i];
                return lastCell;
            }
        }
        if (n == MAX_CELLS) {
            return null;
        }
        keys[n] = key;
        cells[n] = new long[CELL_LONGS];
        used = n + 1;
        lastKey = key;
        lastCell = cells[n];
        return lastCell;
    }

    /** Writer side: the cells in use. */
    public int used() {
        return used;
    }

    public int keyAt(int i) {
        return keys[i];
    }

    public long[] cellAt(int i) {
        return cells[i];
    }
}
