package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.IoEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every thread's evidence, gathered as a process's events stream by, in the order the threads were first seen; the
 * one place that turns events into a {@link ProcessClassification}.
 */
public final class ThreadProfiles {

    private final Map<Long, RecordedThreadProfile> byThread = new LinkedHashMap<>();

    public void record(IoEvent event) {
        byThread.computeIfAbsent(event.thread().key(), k -> new RecordedThreadProfile(event.thread())).record(event);
    }

    /**
     * Classifies the process from everything seen so far.
     *
     * @param selectorProvider the JDK's default selector provider class; may be null
     */
    public ProcessClassification classify(String selectorProvider) {
        return ProcessClassifier.classify(byThread.values(), selectorProvider);
    }
}
