package io.iotrace.agent.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Gives each socket, channel, stream or selector a small id, and queues its description for the file.
 *
 * <p>Application threads call it from inside their I/O calls, so it takes no lock: a lock here is one they would
 * wait on for each other and for the writer (Flight Recorder then saw the agent's lock as the application's
 * contended monitor). Ids live in open-addressed tables of weak references, filled by compare-and-set: a search
 * probes a short run of slots from the resource's identity hash, in the first table and then in each larger one
 * chained after it when that run is full. Two threads that meet a new resource at once race for the same empty slot,
 * and the loser takes the winner's id. The slot of a collected resource is reused, which keeps memory bounded by the
 * live resources; the one price is that two threads meeting the same new resource at the same instant, past such a
 * slot, may give it two ids, both defined with its description.
 *
 * <p>A definition is queued before its id is published in a slot, so any thread that finds the id, and records an
 * event with it, does so after the definition is queued: the writer, which drains definitions after reading the
 * rings' heads, never writes an event whose resource it has not defined.
 */
public final class ResourceTable {
    private static final int FIRST_CAPACITY = 1 << 10;
    /** Slots searched in one table before the next one; short enough to stay in a few cache lines. */
    private static final int PROBES = 16;

    private final Table first = new Table(FIRST_CAPACITY);
    private final ConcurrentLinkedQueue<Definition> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    public record Definition(int id, int kind, String description) {
    }

    private static final class Entry extends WeakReference<Object> {
        final int id;

        Entry(Object resource, int id) {
            super(resource);
            this.id = id;
        }
    }

    private static final class Table {
        final AtomicReferenceArray<Entry> slots;
        final AtomicReference<Table> next = new AtomicReference<>();

        Table(int capacity) {
            slots = new AtomicReferenceArray<>(capacity);
        }

        Table nextOrNew() {
            Table n = next.get();
            if (n == null) {
                next.compareAndSet(null, new Table(slots.length() * 2));
                n = next.get();
            }
            return n;
        }
    }

    int idOf(ThreadRecorder t, Object resource, int kind) {
        int slot = System.identityHashCode(resource) & (t.cachedResources.length - 1);
        if (t.cachedResources[slot] == resource) {
            return t.cachedIds[slot];
        }
        int id = lookup(resource, kind);
        t.cachedResources[slot] = resource;
        t.cachedIds[slot] = id;
        return id;
    }

    private int lookup(Object resource, int kind) {
        int hash = spread(System.identityHashCode(resource));
        Entry mine = null;
        Definition definition = null;
        for (Table table = first; ; table = table.nextOrNew()) {
            int mask = table.slots.length() - 1;
            for (int probe = 0; probe < PROBES; probe++) {
                int index = (hash + probe) & mask;
                Entry entry = table.slots.get(index);
                if (entry != null && entry.refersTo(resource)) {
                    return entry.id;
                }
                if (entry == null || entry.refersTo(null)) {
                    if (mine == null) {
                        mine = new Entry(resource, nextId.getAndIncrement());
                        definition = new Definition(mine.id, kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind,
                                Describer.describe(resource));
                    }
                    pending.add(definition);
                    if (table.slots.compareAndSet(index, entry, mine)) {
                        return mine.id;
                    }
                    pending.remove(definition);
                    Entry winner = table.slots.get(index);
                    if (winner != null && winner.refersTo(resource)) {
                        return winner.id;
                    }
                }
            }
        }
    }

    /** Spreads the identity hash's high bits into the low ones the mask keeps. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Describes a resource again after a call that changes what it is connected to. */
    void redescribe(int id, int kind, Object resource) {
        pending.add(new Definition(id, kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind,
                Describer.describe(resource)));
    }

    /** Writer side: the definitions queued since the last call, in the order they were queued. */
    public List<Definition> takePending() {
        List<Definition> taken = new ArrayList<>();
        Definition d;
        while ((d = pending.poll()) != null) {
            taken.add(d);
        }
        return taken;
    }
}
