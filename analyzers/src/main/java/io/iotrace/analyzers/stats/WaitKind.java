package io.iotrace.analyzers.stats;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;

/** The kinds of call whose time the report measures; {@link #toString()} is the JSON name. */
public enum WaitKind {
    READ("read"),
    WRITE("write"),
    ACCEPT("accept"),
    CONNECT("connect"),
    SELECT("select"),
    TRANSFER("transfer"),
    /** Submit→completion of an asynchronous operation, on the thread that completed it. */
    ASYNC_COMPLETION("asyncCompletion"),
    /** Time spent in non-blocking calls that moved nothing (would-block), whatever their kind. */
    WOULD_BLOCK("wouldBlock");

    private final String jsonName;

    WaitKind(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }

    /** The kind a call is counted under, or null for calls that neither wait nor move bytes (map, submit). */
    public static WaitKind of(Operation operation) {
        return switch (operation) {
            case READ, RECEIVE -> READ;
            case WRITE, SEND -> WRITE;
            case ACCEPT -> ACCEPT;
            case CONNECT, FINISH_CONNECT -> CONNECT;
            case SELECT -> SELECT;
            case TRANSFER_TO, TRANSFER_FROM -> TRANSFER;
            case ASYNC_COMPLETE -> ASYNC_COMPLETION;
            case MAP, ASYNC_SUBMIT -> null;
        };
    }

    /**
     * True when a non-blocking call found nothing to do: the kernel had no data or no room, no connection was
     * pending, or {@code selectNow} found no key ready.
     */
    public static boolean foundNothing(IoEvent event) {
        if (event.blocking()) {
            return false;
        }
        return switch (event.outcome()) {
            case WOULD_BLOCK -> true;
            case OK -> event.operation() == Operation.SELECT ? event.result() == 0
                    : event.operation().movesBytes() && event.result() == 0;
            default -> false;
        };
    }
}
