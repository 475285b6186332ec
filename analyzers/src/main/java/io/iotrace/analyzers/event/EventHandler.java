package io.iotrace.analyzers.event;

/** Receives a recording as a stream, so that memory does not grow with the file. */
public interface EventHandler {

    /** Called once, before any event. */
    default void begin(RecordingInfo info) {
    }

    void onEvent(IoEvent event);

    /**
     * Called before {@link #end} for each thread that lost events, when the recording says which (format 2 on).
     *
     * @param threadKey the thread's key, as in {@link ThreadInfo#key()}
     * @param dropped   events of that thread the agent could not record
     */
    default void droppedOnThread(long threadKey, long dropped) {
    }

    /** Called for each snapshot of the agent's summaries (format 3 on), in the order written. */
    default void onSummary(SummarySnapshot snapshot) {
    }

    /**
     * Called once, after the last event.
     *
     * @param droppedEvents events the agent could not record because its buffers were full
     */
    default void end(long droppedEvents) {
    }
}
