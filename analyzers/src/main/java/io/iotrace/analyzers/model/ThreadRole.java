package io.iotrace.analyzers.model;

/** What a thread does for the process's I/O. */
public enum ThreadRole {
    ACCEPTOR("acceptor"),
    EVENT_LOOP("event-loop"),
    WORKER("worker"),
    CONNECTION_HANDLER("connection-handler"),
    COMPLETION_HANDLER("completion-handler"),
    CLIENT("client"),
    /** Does I/O that is none of the above (files, a batch job). */
    OTHER("other"),
    IDLE("idle");

    private final String jsonName;

    ThreadRole(String jsonName) {
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
