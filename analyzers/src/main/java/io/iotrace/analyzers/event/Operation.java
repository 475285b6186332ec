package io.iotrace.analyzers.event;

/**
 * What an instrumented call did. The codes are the agent's wire format ({@code io.iotrace.agent.runtime.Ops});
 * a test in the CLI module checks the two tables agree.
 */
public enum Operation {
    READ(0, "read"),
    WRITE(1, "write"),
    ACCEPT(2, "accept"),
    CONNECT(3, "connect"),
    FINISH_CONNECT(4, "finishConnect"),
    SELECT(5, "select"),
    TRANSFER_TO(6, "transferTo"),
    TRANSFER_FROM(7, "transferFrom"),
    MAP(8, "map"),
    ASYNC_SUBMIT(9, "asyncSubmit"),
    ASYNC_COMPLETE(10, "asyncComplete"),
    RECEIVE(11, "receive"),
    SEND(12, "send");

    private static final Operation[] BY_CODE = new Operation[32];

    static {
        for (Operation op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final String title;

    Operation(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The operation with this wire code, or null when the code is unknown. */
    public static Operation ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Calls that move bytes between the kernel and the caller's buffers. */
    public boolean movesBytes() {
        return this == READ || this == WRITE || this == RECEIVE || this == SEND;
    }

    /** Calls that bring bytes into the program (the receiving side of a copy). */
    public boolean isInbound() {
        return this == READ || this == RECEIVE;
    }
}
