package io.iotrace.analyzers.finding;

import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;

/**
 * What a blocking call did to its thread. Each kind is one rule of {@code iotrace lint}. The waits that are not I/O
 * come from the JDK's own Flight Recorder events; the I/O calls the agent instruments from the events it commits
 * itself ({@code iotrace.BlockingCall}, see {@link #ofAgentCall}), and from the JDK's file and socket events in a
 * recording made before the agent committed its own; a host lookup from the agent's {@code iotrace.HostLookup}; a
 * process start, a yield and a declared method from the agent's {@code iotrace.BlockingMethod}, which names its kind
 * by {@link #id()}.
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
    ACCEPT("accept", null, "Blocking accept (ServerSocket, ServerSocketChannel) on an event-loop thread"),
    CONNECT("connect", null, "Blocking connect (Socket, SocketChannel, DatagramSocket) on an event-loop thread"),
    DATAGRAM_SEND("datagram-send", null, "Blocking datagram send on an event-loop thread"),
    DATAGRAM_RECEIVE("datagram-receive", null, "Blocking datagram receive on an event-loop thread"),
    CONSOLE_WRITE("console-write", null, "Write to System.out or System.err (a full pipe blocks) on an event-loop thread"),
    PROCESS_START("process-start", null, "ProcessBuilder.start (a fork and exec) on an event-loop thread"),
    THREAD_YIELD("thread-yield", null, "Thread.yield on an event-loop thread"),
    // The agent's own event since it instruments declared methods itself; JDK 25's method tracing in older recordings.
    BLOCKING_METHOD("blocking-method", "jdk.MethodTrace",
            "A method declared blocking (--blocking-method) on an event-loop thread"),
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
            if (eventType.equals(kind.jfrEvent)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * The kind of a blocking call the agent recorded: by what it did and on what. Null for calls that never block a
     * loop's work (a selector's wait, a map, the asynchronous channels' submissions).
     */
    public static BlockingKind ofAgentCall(Operation operation, ResourceKind resource, boolean console) {
        if (operation == null || resource == null) {
            return null;
        }
        boolean datagram = resource == ResourceKind.DATAGRAM_CHANNEL;
        return switch (operation) {
            case ACCEPT -> ACCEPT;
            case CONNECT, FINISH_CONNECT -> CONNECT;
            case RECEIVE -> DATAGRAM_RECEIVE;
            case SEND -> DATAGRAM_SEND;
            case READ -> datagram ? DATAGRAM_RECEIVE : resource.isNetwork() ? SOCKET_READ : FILE_READ;
            case WRITE -> datagram ? DATAGRAM_SEND : resource.isNetwork() ? SOCKET_WRITE
                    : console ? CONSOLE_WRITE : FILE_WRITE;
            // From a file to a channel, from a channel to a file: the file's side is the one that blocks.
            case TRANSFER_TO -> FILE_READ;
            case TRANSFER_FROM -> FILE_WRITE;
            default -> null;
        };
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
