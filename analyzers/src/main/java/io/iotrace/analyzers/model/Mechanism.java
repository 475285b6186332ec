package io.iotrace.analyzers.model;

import java.util.Locale;

/**
 * How readiness or completion reaches a thread: one list for every source, so a recording and a syscall log of the
 * same run name it alike. The syscall or JDK class behind it goes in the evidence.
 */
public enum Mechanism {
    SELECT("select"),
    POLL("poll"),
    EPOLL("epoll"),
    KQUEUE("kqueue"),
    IO_URING("io_uring"),
    LINUX_AIO("linux-aio"),
    /** Helper threads do blocking I/O for the caller and hand the results back (glibc POSIX AIO, JDK file AIO). */
    THREAD_POOL("thread-pool"),
    /** The kernel sends a signal (SIGIO, a real-time signal) when a descriptor is ready. */
    SIGNAL("signal");

    private final String jsonName;

    Mechanism(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }

    /**
     * The readiness mechanism of a JDK selector implementation class ({@code sun.nio.ch.EPollSelectorImpl} → epoll),
     * null when the class is unknown or absent. A native transport's wait is described by the transport instead
     * ({@link Underneath#NATIVE_EPOLL_TRANSPORT}).
     */
    public static Mechanism ofSelectorClass(String selectorClass) {
        if (selectorClass == null || selectorClass.isBlank()) {
            return null;
        }
        if (selectorClass.equals(Underneath.NATIVE_EPOLL_TRANSPORT)) {
            return EPOLL;
        }
        if (selectorClass.equals(Underneath.IO_URING_TRANSPORT)) {
            return IO_URING;
        }
        String simple = selectorClass.substring(selectorClass.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (simple.startsWith("epoll")) {
            return EPOLL;
        }
        if (simple.startsWith("kqueue")) {
            return KQUEUE;
        }
        if (simple.startsWith("poll")) {
            return POLL;
        }
        if (simple.startsWith("windows") || simple.startsWith("wepoll")) {
            return SELECT;
        }
        return null;
    }
}
