package io.iotrace.analyzers.event;

/** Receives a recording as a stream, so that memory does not grow with the file. */
public interface EventHandler {

    /** Called once, before any event. */
    default void begin(RecordingInfo info) {
    }

    void onEvent(IoEvent event);

    /**
     * Called once, after the last event.
     *
     * @param droppedEvents events the agent could not record because its buffers were full
     */
    default void end(long droppedEvents) {
    }
}
