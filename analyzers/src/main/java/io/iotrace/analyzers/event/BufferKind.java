package io.iotrace.analyzers.event;

/**
 * The caller's buffer, which decides whether the JDK copies through a temporary direct buffer.
 * Codes match {@code io.iotrace.agent.runtime.Ops}.
 */
public enum BufferKind {
    NONE(0, "none"),
    HEAP_ARRAY(1, "byte[]"),
    HEAP_BUFFER(2, "heap ByteBuffer"),
    DIRECT_BUFFER(3, "direct ByteBuffer"),
    MAPPED_BUFFER(4, "mapped ByteBuffer");

    private final int code;
    private final String title;

    BufferKind(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** True when the bytes live on the Java heap, so native I/O needs an extra copy. */
    public boolean isHeap() {
        return this == HEAP_ARRAY || this == HEAP_BUFFER;
    }

    public static BufferKind ofCode(int code) {
        for (BufferKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
