package io.iotrace.agent.runtime;

/**
 * Wire codes of the recording. The analyzers mirror them in their event enums
 * ({@code io.iotrace.analyzers.event.*}); a CLI test checks that both tables agree.
 */
public final class Ops {
    // Operations.
    public static final int READ = 0;
    public static final int WRITE = 1;
    public static final int ACCEPT = 2;
    public static final int CONNECT = 3;
    public static final int FINISH_CONNECT = 4;
    public static final int SELECT = 5;
    public static final int TRANSFER_TO = 6;
    public static final int TRANSFER_FROM = 7;
    public static final int MAP = 8;
    public static final int ASYNC_SUBMIT = 9;
    public static final int ASYNC_COMPLETE = 10;
    public static final int RECEIVE = 11;
    public static final int SEND = 12;

    // Resource kinds.
    public static final int SOCKET = 0;
    public static final int SERVER_SOCKET = 1;
    public static final int SOCKET_CHANNEL = 2;
    public static final int SERVER_SOCKET_CHANNEL = 3;
    public static final int DATAGRAM_CHANNEL = 4;
    public static final int FILE_INPUT_STREAM = 5;
    public static final int FILE_OUTPUT_STREAM = 6;
    public static final int RANDOM_ACCESS_FILE = 7;
    public static final int FILE_CHANNEL = 8;
    public static final int SELECTOR = 9;
    public static final int ASYNC_SOCKET_CHANNEL = 10;
    public static final int ASYNC_SERVER_SOCKET_CHANNEL = 11;
    public static final int ASYNC_FILE_CHANNEL = 12;

    // Buffer kinds.
    public static final int BUFFER_NONE = 0;
    public static final int HEAP_ARRAY = 1;
    public static final int HEAP_BUFFER = 2;
    public static final int DIRECT_BUFFER = 3;
    public static final int MAPPED_BUFFER = 4;

    // Outcomes.
    public static final int OK = 0;
    public static final int WOULD_BLOCK = 1;
    public static final int END_OF_STREAM = 2;
    public static final int EXCEPTION = 3;

    private Ops() {
    }
}
