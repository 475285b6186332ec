package io.iotrace.analyzers.event;

/** What a file descriptor refers to, as far as the log says (strace {@code -y}/{@code -yy}, perf labels). */
public enum FdKind {
    SOCKET,
    FILE,
    PIPE,
    EPOLL,
    IO_URING,
    EVENTFD,
    SIGNALFD,
    TIMERFD,
    OTHER,
    /** The log did not decorate the descriptor. */
    UNKNOWN;

    /** Reads the kind from a descriptor decoration without its angle brackets, e.g. {@code TCP:[1.2.3.4:5->6.7.8.9:10]}. */
    public static FdKind ofDecoration(byte[] text, int from, int to) {
        if (from >= to) {
            return UNKNOWN;
        }
        byte first = text[from];
        if (first == '/') {
            return FILE;
        }
        if (startsWith(text, from, to, "TCP") || startsWith(text, from, to, "UDP")
                || startsWith(text, from, to, "UNIX") || startsWith(text, from, to, "socket:")
                || startsWith(text, from, to, "NETLINK") || startsWith(text, from, to, "RAW")
                || startsWith(text, from, to, "SCTP") || startsWith(text, from, to, "PACKET")) {
            return SOCKET;
        }
        if (startsWith(text, from, to, "pipe:")) {
            return PIPE;
        }
        if (startsWith(text, from, to, "anon_inode:")) {
            int name = from + "anon_inode:".length();
            if (name < to && text[name] == '[') {
                name++;
            }
            if (startsWith(text, name, to, "eventpoll")) {
                return EPOLL;
            }
            if (startsWith(text, name, to, "io_uring")) {
                return IO_URING;
            }
            if (startsWith(text, name, to, "eventfd")) {
                return EVENTFD;
            }
            if (startsWith(text, name, to, "signalfd")) {
                return SIGNALFD;
            }
            if (startsWith(text, name, to, "timerfd")) {
                return TIMERFD;
            }
        }
        return OTHER;
    }

    /**
     * A descriptor whose reads and writes stream data and can be switched to non-blocking mode: sockets, pipes,
     * terminals (decorated as files). Counters (eventfd, timerfd, signalfd) are drained until EAGAIN by design.
     */
    public boolean carriesStreams() {
        return this == SOCKET || this == PIPE || this == FILE || this == OTHER || this == UNKNOWN;
    }

    private static boolean startsWith(byte[] text, int from, int to, String prefix) {
        int n = prefix.length();
        if (to - from < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
