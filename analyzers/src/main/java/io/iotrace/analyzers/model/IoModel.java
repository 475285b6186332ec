package io.iotrace.analyzers.model;

/** The five I/O models: how a thread waits while data arrives, and who copies it to user space. */
public enum IoModel {
    BLOCKING("blocking", "blocks in the call until the data is there and copied"),
    NON_BLOCKING_POLLING("non-blocking-polling", "retries non-blocking calls that return nothing, without waiting for readiness"),
    MULTIPLEXING("multiplexing", "waits for readiness in a selector, then does non-blocking calls on the ready channels"),
    SIGNAL_DRIVEN("signal-driven", "is told of readiness by a signal, then reads"),
    ASYNC("async", "submits operations and is called back when they have completed"),
    /** A thread that did no I/O worth classifying. */
    NONE("none", "did no I/O");

    private final String jsonName;
    private final String howItWaits;

    IoModel(String jsonName, String howItWaits) {
        this.jsonName = jsonName;
        this.howItWaits = howItWaits;
    }

    /** The name used in JSON reports and on the command line. */
    public String jsonName() {
        return jsonName;
    }

    /** One phrase answering "how does the thread wait while data is arriving". */
    public String howItWaits() {
        return howItWaits;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
