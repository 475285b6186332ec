package io.iotrace.analyzers.source.recording;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Joins each asynchronous completion to its submission, so the handler sees one completion event that
 * spans submit to completion, on the completing thread, with the channel and the bytes asked.
 *
 * <p>The agent records the two halves on different threads, whose events reach the file in separate chunks,
 * so either half may come first; operations are matched by key in submission order. Only operations in
 * flight are held in memory.
 */
final class AsyncPairing {
    private final EventHandler handler;
    private final Map<Long, ArrayDeque<IoEvent>> submits = new HashMap<>();
    private final Map<Long, ArrayDeque<IoEvent>> completions = new HashMap<>();

    AsyncPairing(EventHandler handler) {
        this.handler = handler;
    }

    void accept(IoEvent e) {
        if (e.operation() == Operation.ASYNC_SUBMIT) {
            handler.onEvent(e);
            IoEvent completion = poll(completions, e.related());
            if (completion == null) {
                submits.computeIfAbsent(e.related(), k -> new ArrayDeque<>()).add(e);
            } else {
                handler.onEvent(joined(e, completion));
            }
        } else if (e.operation() == Operation.ASYNC_COMPLETE) {
            IoEvent submit = poll(submits, e.related());
            if (submit == null) {
                completions.computeIfAbsent(e.related(), k -> new ArrayDeque<>()).add(e);
            } else {
                handler.onEvent(joined(submit, e));
            }
        } else {
            handler.onEvent(e);
        }
    }

    /** Completions whose submission was never recorded (it came before the recording began) go out as they are. */
    void flush() {
        completions.values().forEach(q -> q.forEach(handler::onEvent));
        completions.clear();
        submits.clear();
    }

    /**
     * A submission's result holds the operation submitted; a completion's requested field holds the id of a
     * channel it delivered (an accepted connection), which becomes the joined event's result.
     */
    private static IoEvent joined(IoEvent submit, IoEvent completion) {
        boolean accept = submit.result() == Operation.ACCEPT.code();
        long result = accept ? completion.requested() : completion.result();
        return new IoEvent(submit.startNanos(), Math.max(0, completion.startNanos() - submit.startNanos()),
                completion.thread(), Operation.ASYNC_COMPLETE, submit.resource(), false, submit.requested(), result,
                completion.outcome(), BufferKind.NONE, submit.related(), 0);
    }

    private static IoEvent poll(Map<Long, ArrayDeque<IoEvent>> pending, long key) {
        ArrayDeque<IoEvent> q = pending.get(key);
        if (q == null) {
            return null;
        }
        IoEvent e = q.poll();
        if (q.isEmpty()) {
            pending.remove(key);
        }
        return e;
    }
}
