package io.iotrace.analyzers.model;

/** Names the kernel mechanism behind JDK classes. */
public final class Mechanisms {

    public static final String THREAD_POOL = "thread pool";
    public static final String EPOLL_PORT = "epoll port";
    public static final String VIRTUAL_THREAD_POLLER = "multiplexed by the JDK's poller";
    public static final String ASYNC_SOCKET_UNDERNEATH =
            "AsynchronousSocketChannel on Linux is an epoll port whose threads run the completion handlers";
    public static final String ASYNC_FILE_UNDERNEATH =
            "AsynchronousFileChannel on Linux is a thread pool doing blocking I/O";

    private Mechanisms() {
    }

    /**
     * The readiness mechanism of a selector implementation class ({@code sun.nio.ch.EPollSelectorImpl} → epoll);
     * the class's simple name when unknown, null when there is none.
     */
    public static String ofSelector(String selectorClass) {
        if (selectorClass == null || selectorClass.isBlank()) {
            return null;
        }
        String simple = selectorClass.substring(selectorClass.lastIndexOf('.') + 1);
        String lower = simple.toLowerCase();
        if (lower.startsWith("epoll")) {
            return "epoll";
        }
        if (lower.startsWith("kqueue")) {
            return "kqueue";
        }
        if (lower.startsWith("poll")) {
            return "poll";
        }
        if (lower.startsWith("windows") || lower.startsWith("wepoll")) {
            return "select";
        }
        return simple;
    }
}
