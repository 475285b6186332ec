package io.iotrace.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Gives each socket, channel, stream or selector a small id, and queues its description for the file.
 *
 * <p>Keys are held weakly so that closed channels can be collected; the JDK classes keyed here do not
 * override {@code equals}, so the map compares identities.
 */
final class ResourceTable {
    private final Map<Object, Integer> ids = new WeakHashMap<>();
    private final List<Definition> pending = new ArrayList<>();
    private int nextId = 1;

    record Definition(int id, int kind, String description) {
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

    private synchronized int lookup(Object resource, int kind) {
        Integer id = ids.get(resource);
        if (id != null) {
            return id;
        }
        int fresh = nextId++;
        ids.put(resource, fresh);
        pending.add(new Definition(fresh, kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind,
                Describer.describe(resource)));
        return fresh;
    }

    /** Describes a resource again after a call that changes what it is connected to. */
    synchronized void redescribe(int id, int kind, Object resource) {
        pending.add(new Definition(id, kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind,
                Describer.describe(resource)));
    }

    synchronized List<Definition> takePending() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Definition> taken = new ArrayList<>(pending);
        pending.clear();
        return taken;
    }
}
