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

    /**
     * Reads the kind from a descriptor decoration without its angle brackets, e.g. {@code TCP:[1.2.3.4:5->6.7.8.9:10]}.
     * Nearly every descriptor of a {@code -yy} log has one: the first byte picks the one prefix to compare.
     */
    public static FdKind ofDecoration(byte[] text, int from, int to) {
        if (from >= to) {
            return UNKNOWN;
        }
        return switch (text[from]) {
            case '/' -> FILE;
            case 'T' -> startsWith(text, from, to, "TCP") ? SOCKET : OTHER;
            case 'U' -> startsWith(text, from, to, "UDP") || startsWith(text, from, to, "UNIX") ? SOCKET : OTHER;
            case 's' -> startsWith(text, from, to, "socket:") ? SOCKET : OTHER;
            case 'N' -> startsWith(text, from, to, "NETLINK") ? SOCKET : OTHER;
            case 'R' -> startsWith(text, from, to, "RAW") ? SOCKET : OTHER;
            case 'S' -> startsWith(text, from, to, "SCTP") ? SOCKET : OTHER;
            case 'P' -> startsWith(text, from, to, "PACKET") ? SOCKET : OTHER;
            case 'p' -> startsWith(text, from, to, "pipe:") ? PIPE : OTHER;
            case 'a' -> startsWith(text, from, to, "anon_inode:") ? ofAnonymousInode(text, from + 11, to) : OTHER;
            default -> OTHER;
        };
    }

    private static FdKind ofAnonymousInode(byte[] text, int name, int to) {
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
