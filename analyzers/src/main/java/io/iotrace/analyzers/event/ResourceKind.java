package io.iotrace.analyzers.event;

/** The JDK object an instrumented call worked on. Codes match {@code io.iotrace.agent.runtime.Ops}. */
public enum ResourceKind {
    SOCKET(0, "socket", true),
    SERVER_SOCKET(1, "server socket", true),
    SOCKET_CHANNEL(2, "socket channel", true),
    SERVER_SOCKET_CHANNEL(3, "server socket channel", true),
    DATAGRAM_CHANNEL(4, "datagram channel", true),
    FILE_INPUT_STREAM(5, "file input stream", false),
    FILE_OUTPUT_STREAM(6, "file output stream", false),
    RANDOM_ACCESS_FILE(7, "random access file", false),
    FILE_CHANNEL(8, "file channel", false),
    SELECTOR(9, "selector", false),
    ASYNC_SOCKET_CHANNEL(10, "async socket channel", true),
    ASYNC_SERVER_SOCKET_CHANNEL(11, "async server socket channel", true),
    ASYNC_FILE_CHANNEL(12, "async file channel", false);

    private static final ResourceKind[] BY_CODE = new ResourceKind[32];

    static {
        for (ResourceKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final String title;
    private final boolean network;

    ResourceKind(int code, String title, boolean network) {
        this.code = code;
        this.title = title;
        this.network = network;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public boolean isNetwork() {
        return network;
    }

    public boolean isFile() {
        return this == FILE_INPUT_STREAM || this == FILE_OUTPUT_STREAM || this == RANDOM_ACCESS_FILE
                || this == FILE_CHANNEL || this == ASYNC_FILE_CHANNEL;
    }

    /** The kind with this wire code, or null when the code is unknown. */
    public static ResourceKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
