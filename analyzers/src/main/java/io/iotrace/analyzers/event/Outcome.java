package io.iotrace.analyzers.event;

/** How a call ended. Codes match {@code io.iotrace.agent.runtime.Ops}. */
public enum Outcome {
    /** Moved bytes, or completed an operation that moves none (accept, connect, select). */
    OK(0),
    /** A non-blocking call that moved nothing: the kernel had no data or no room. */
    WOULD_BLOCK(1),
    END_OF_STREAM(2),
    EXCEPTION(3);

    private final int code;

    Outcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Outcome ofCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
