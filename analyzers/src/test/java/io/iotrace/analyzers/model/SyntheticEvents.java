package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;

import java.util.ArrayList;
import java.util.List;

/** Builds event streams the way the agent records them, for tests of the analysis. */
public final class SyntheticEvents {

    public static final String EPOLL = "sun.nio.ch.EPollSelectorImpl";

    private final List<IoEvent> events = new ArrayList<>();
    private long clock = 1_000_000;
    private int nextResource = 1;
    private long nextThread = 1;

    public ThreadInfo thread(String name) {
        long key = nextThread++;
        return new ThreadInfo(key, key + 20, 1000 + (int) key, name, false);
    }

    public ThreadInfo virtualThread(String name) {
        long key = nextThread++;
        return new ThreadInfo(key, key + 20, 0, name, true);
    }

    public Resource resource(ResourceKind kind, String description) {
        return new Resource(nextResource++, kind, description);
    }

    public SyntheticEvents add(ThreadInfo t, Operation op, Resource r, boolean blocking, long requested, long result,
                               Outcome outcome, BufferKind buffer, long related, long duration) {
        events.add(new IoEvent(clock, duration, t, op, r, blocking, requested, result, outcome, buffer, related, 0));
        clock += duration + 10;
        return this;
    }

    /** A blocking read or write that moved {@code bytes}. */
    public SyntheticEvents io(ThreadInfo t, Operation op, Resource r, long bytes, BufferKind buffer, long duration) {
        return add(t, op, r, true, bytes, bytes, Outcome.OK, buffer, 0, duration);
    }

    /** A non-blocking read or write that moved {@code bytes}, or found nothing when bytes is 0. */
    public SyntheticEvents nonBlocking(ThreadInfo t, Operation op, Resource r, long bytes, long duration) {
        return add(t, op, r, false, 1024, bytes, bytes == 0 ? Outcome.WOULD_BLOCK : Outcome.OK,
                BufferKind.HEAP_BUFFER, 0, duration);
    }

    /** An accept that returned {@code connection}. */
    public SyntheticEvents accept(ThreadInfo t, Resource server, Resource connection, boolean blocking) {
        return add(t, Operation.ACCEPT, server, blocking, 0, 0, Outcome.OK, BufferKind.NONE, connection.id(), 500);
    }

    /** A select that waited and found {@code ready} keys. */
    public SyntheticEvents select(ThreadInfo t, Resource selector, int registered, int ready, long duration) {
        return add(t, Operation.SELECT, selector, true, registered, ready, Outcome.OK, BufferKind.NONE, 0, duration);
    }

    public List<IoEvent> events() {
        return events;
    }

    public void feed(EventHandler handler, long dropped) {
        events.forEach(handler::onEvent);
        handler.end(dropped);
    }

    /** Profiles of every thread, in the order first seen. */
    public List<ThreadProfile> profiles() {
        java.util.Map<Long, RecordedThreadProfile> byKey = new java.util.LinkedHashMap<>();
        for (IoEvent e : events) {
            byKey.computeIfAbsent(e.thread().key(), k -> new RecordedThreadProfile(e.thread())).record(e);
        }
        return List.copyOf(byKey.values());
    }

    public ProcessClassification classify() {
        return ProcessClassifier.classify(profiles(), "sun.nio.ch.EPollSelectorProvider");
    }
}
