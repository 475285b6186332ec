package io.iotrace.analyzers.finding;

/**
 * What a blocking call did to its thread. Each kind is one rule of {@code iotrace lint} and comes from one JDK
 * Flight Recorder event (the JDK's own, or for {@link #DNS} the one the iotrace agent commits).
 */
public enum BlockingKind {
    SLEEP("sleep", "jdk.ThreadSleep", "Thread.sleep on an event-loop thread"),
    PARK("park", "jdk.ThreadPark", "LockSupport.park (a lock, a future's get, a latch) on an event-loop thread"),
    MONITOR_ENTER("monitor-enter", "jdk.JavaMonitorEnter", "Contended synchronized entry on an event-loop thread"),
    MONITOR_WAIT("monitor-wait", "jdk.JavaMonitorWait",
            "Object.wait (also Thread.join, Process.waitFor) on an event-loop thread"),
    FILE_READ("file-read", "jdk.FileRead", "File read on an event-loop thread"),
    FILE_WRITE("file-write", "jdk.FileWrite", "File write on an event-loop thread"),
    SOCKET_READ("socket-read", "jdk.SocketRead", "Blocking socket read on an event-loop thread"),
    SOCKET_WRITE("socket-write", "jdk.SocketWrite", "Blocking socket write on an event-loop thread"),
    DNS("dns", "iotrace.HostLookup", "Host name lookup (InetAddress) on an event-loop thread"),
    PINNED("virtual-thread-pinned", "jdk.VirtualThreadPinned", "A virtual thread blocked while pinned to its carrier");

    private final String id;
    private final String jfrEvent;
    private final String description;

    BlockingKind(String id, String jfrEvent, String description) {
        this.id = id;
        this.jfrEvent = jfrEvent;
        this.description = description;
    }

    /** Short stable name, used in rule ids, allow files and baselines. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The kind recorded as this JFR event type, or null when the event is not a blocking call. */
    public static BlockingKind ofJfrEvent(String eventType) {
        for (BlockingKind kind : values()) {
            if (kind.jfrEvent.equals(eventType)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind with this {@link #id()}, or null. */
    public static BlockingKind ofId(String id) {
        for (BlockingKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        return null;
    }

    public boolean isSocket() {
        return this == SOCKET_READ || this == SOCKET_WRITE;
    }

    @Override
    public String toString() {
        return id;
    }
}
