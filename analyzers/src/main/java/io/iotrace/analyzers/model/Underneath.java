package io.iotrace.analyzers.model;

/** What the JDK does below the model a thread's code sees, where the two differ. */
public final class Underneath {
    public static final String VIRTUAL_THREAD_POLLER = "multiplexed by the JDK's poller";
    public static final String ASYNC_SOCKET =
            "AsynchronousSocketChannel on Linux is an epoll port whose threads run the completion handlers";
    public static final String ASYNC_FILE = "AsynchronousFileChannel on Linux is a thread pool doing blocking I/O";

    private Underneath() {
    }
}
