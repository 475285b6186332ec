package io.iotrace.analyzers.model;

/** What the JDK does below the model a thread's code sees, where the two differ. */
public final class Underneath {
    public static final String VIRTUAL_THREAD_POLLER = "multiplexed by the JDK's poller";
    public static final String ASYNC_SOCKET =
            "AsynchronousSocketChannel on Linux is an epoll port whose threads run the completion handlers";
    public static final String ASYNC_FILE = "AsynchronousFileChannel on Linux is a thread pool doing blocking I/O";
    /**
     * Netty's epoll transport, whose waits and socket calls are made in C through JNI; the agent describes the wait's
     * resource by this very text.
     */
    public static final String NATIVE_EPOLL_TRANSPORT = "native epoll transport";
    /** Netty's io_uring transport; the agent describes the ring's resource by this very text. */
    public static final String IO_URING_TRANSPORT = "io_uring transport";

    private Underneath() {
    }

    /** The native transport that a selector resource's description names, or null for a JDK selector. */
    public static String transportOfSelector(String description) {
        if (NATIVE_EPOLL_TRANSPORT.equals(description) || IO_URING_TRANSPORT.equals(description)) {
            return description;
        }
        return null;
    }
}
