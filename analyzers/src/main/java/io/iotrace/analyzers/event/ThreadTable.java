package io.iotrace.analyzers.event;

import java.util.function.Consumer;

/**
 * A value per thread, keyed by tid in an open-addressing table with linear probing: looked up for every event of a
 * log, where a boxed key cost an allocation and a {@code HashMap} node a pointer chase per lookup. Not thread-safe:
 * each partition of a log's threads has its own.
 */
public final class ThreadTable<V> {
    private int[] tids = new int[64];
    private Object[] values = new Object[64];
    private int size;

    /** The thread's value, or null. */
    @SuppressWarnings("unchecked")
    public V get(int tid) {
        return (V) values[slotOf(tid)];
    }

    /** Sets the value of a thread that has none. */
    public void put(int tid, V value) {
        int slot = slotOf(tid);
        tids[slot] = tid;
        values[slot] = value;
        if (++size * 2 > tids.length) {
            grow();
        }
    }

    /** Empties the thread's slot and moves back the threads after it that probed past it. */
    public void remove(int tid) {
        int mask = tids.length - 1;
        int hole = slotOf(tid);
        if (values[hole] == null) {
            return;
        }
        values[hole] = null;
        size--;
        for (int slot = (hole + 1) & mask; values[slot] != null; slot = (slot + 1) & mask) {
            int home = home(tids[slot], mask);
            // The thread may fill the hole when its home is not cyclically within (hole, slot].
            boolean movable = hole <= slot ? home <= hole || home > slot : home <= hole && home > slot;
            if (movable) {
                tids[hole] = tids[slot];
                values[hole] = values[slot];
                values[slot] = null;
                hole = slot;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super V> action) {
        for (Object value : values) {
            if (value != null) {
                action.accept((V) value);
            }
        }
    }

    /** The slot holding {@code tid}, or the empty slot where it belongs. */
    private int slotOf(int tid) {
        int mask = tids.length - 1;
        int slot = home(tid, mask);
        while (values[slot] != null && tids[slot] != tid) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int home(int tid, int mask) {
        return (tid * 0x9E3779B9) >>> 16 & mask;
    }

    private void grow() {
        int[] oldTids = tids;
        Object[] oldValues = values;
        tids = new int[oldTids.length * 2];
        values = new Object[oldTids.length * 2];
        for (int i = 0; i < oldTids.length; i++) {
            if (oldValues[i] != null) {
                int slot = slotOf(oldTids[i]);
                tids[slot] = oldTids[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
