package io.iotrace.analyzers.event;

/**
 * One instrumented call.
 *
 * @param startNanos    {@code System.nanoTime()} when the call began (the recording's info maps it to wall clock)
 * @param durationNanos how long the call took
 * @param thread        the calling thread
 * @param operation     what the call did
 * @param resource      what it did it on
 * @param blocking      whether the channel was in blocking mode (streams and files always are)
 * @param requested     bytes asked for (buffer space); for select, the number of registered keys
 * @param result        bytes moved; -1 at end of stream; for select, the number of ready keys
 * @param outcome       how the call ended
 * @param buffer        the caller's buffer kind
 * @param related       accept: id of the accepted connection's resource; async: the operation's id
 * @param stackId       id of the call's stack trace in the recording, 0 when none was taken
 */
public record IoEvent(long startNanos, long durationNanos, ThreadInfo thread, Operation operation,
                      Resource resource, boolean blocking, long requested, long result, Outcome outcome,
                      BufferKind buffer, long related, int stackId) {

    public long endNanos() {
        return startNanos + durationNanos;
    }

    /** Bytes actually moved, never negative. */
    public long bytesMoved() {
        return outcome == Outcome.OK && operation != Operation.SELECT && result > 0 ? result : 0;
    }
}
