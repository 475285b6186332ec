package io.iotrace.agent.runtime;

/**
 * The operations of one io_uring loop thread in flight, by their user data: a completion carries only that, whose
 * layout the transport chooses (and Netty changed between releases). Submission and completion happen on the loop's
 * own thread, so the table is the thread's, without locks. Open addressing on longs: nothing is allocated per call.
 */
final class RingOperations {
    private static final ThreadLocal<RingOperations> OF_THREAD = ThreadLocal.withInitial(RingOperations::new);
    private static final long EMPTY = 0;

    private long[] keys = new long[256];
    private byte[] operations = new byte[256];
    private int[] descriptors = new int[256];
    private int size;

    static RingOperations ofThisThread() {
        return OF_THREAD.get();
    }

    void put(long udata, int operation, int fd) {
        if (udata == EMPTY) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int slot = find(keys, udata);
        if (keys[slot] == EMPTY) {
            keys[slot] = udata;
            size++;
        }
        operations[slot] = (byte) operation;
        descriptors[slot] = fd;
    }

    /** The descriptor of the operation {@link #take} last found. */
    int lastDescriptor;

    /** The operation submitted with {@code udata}, -1 when none was recorded; forgets it unless {@code more} follow. */
    int take(long udata, boolean more) {
        if (udata == EMPTY) {
            return -1;
        }
        int slot = find(keys, udata);
        if (keys[slot] == EMPTY) {
            return -1;
        }
        int operation = operations[slot];
        lastDescriptor = descriptors[slot];
        if (!more) {
            remove(slot);
        }
        return operation;
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Removes by moving back the entries after it that probed past it (no tombstones). */
    private void remove(int slot) {
        int mask = keys.length - 1;
        keys[slot] = EMPTY;
        size--;
        int next = (slot + 1) & mask;
        while (keys[next] != EMPTY) {
            long key = keys[next];
            byte operation = operations[next];
            int fd = descriptors[next];
            keys[next] = EMPTY;
            int target = find(keys, key);
            keys[target] = key;
            operations[target] = operation;
            descriptors[target] = fd;
            next = (next + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldOperations = operations;
        int[] oldDescriptors = descriptors;
        keys = new long[oldKeys.length * 2];
        operations = new byte[oldKeys.length * 2];
        descriptors = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                operations[slot] = oldOperations[i];
                descriptors[slot] = oldDescriptors[i];
            }
        }
    }
}
