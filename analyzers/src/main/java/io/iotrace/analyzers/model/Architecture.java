package io.iotrace.analyzers.model;

/** How a process serves its connections. */
public enum Architecture {
    THREAD_PER_CONNECTION("thread-per-connection"),
    SINGLE_EVENT_LOOP("single-event-loop"),
    EVENT_LOOP_WITH_WORKER_POOL("event-loop-with-worker-pool"),
    MULTI_EVENT_LOOP("multi-event-loop"),
    MULTI_EVENT_LOOP_WITH_WORKER_POOL("multi-event-loop-with-worker-pool"),
    VIRTUAL_THREAD_PER_CONNECTION("virtual-thread-per-connection"),
    PROCESS_PER_CONNECTION("process-per-connection"),
    MULTI_PROCESS_EVENT_LOOP("multi-process-event-loop"),
    ASYNC_COMPLETION_HANDLERS("async-completion-handlers"),
    /** Serves no connections (a client, a batch job). */
    NONE("none");

    private final String jsonName;

    Architecture(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
