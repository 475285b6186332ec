package io.iotrace.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A blocking call the agent instrumented (an accept, a connect, a datagram sent or received, a socket or file
 * read or write), as a Flight Recorder event with its duration and stack: the JDK's own events cover only some of
 * these calls (none for accept, connect or datagrams), and lint must see them all.
 *
 * <p>Like {@link HostLookupEvent}, it is registered by the blocking probe, and only then begun by {@link io.iotrace.agent.runtime.IoTrace}: a
 * JVM traced without {@code blocking=true} never loads it. Begun when the call starts, it spans the whole call, so
 * that a JDK event of the same call on the same thread lies inside it.
 */
@Name(BlockingCallEvent.NAME)
@Label("Blocking I/O Call")
@Description("A blocking call that the iotrace agent instruments")
@Category("iotrace")
@StackTrace(true)
public final class BlockingCallEvent extends Event {
    /** The event type's name in the JFR file. */
    public static final String NAME = "iotrace.BlockingCall";

    @Label("Operation")
    @Description("The recording's operation code (io.iotrace.agent.runtime.Ops)")
    public int operation;

    @Label("Resource Kind")
    @Description("The recording's resource kind code (io.iotrace.agent.runtime.Ops)")
    public int resourceKind;

    @Label("Resource Id")
    @Description("The id under which the recording defines the resource")
    public int resourceId;

    @Label("Console")
    @Description("The stream is the process's standard output or error")
    public boolean console;

    static Object start() {
        BlockingCallEvent event = new BlockingCallEvent();
        event.begin();
        return event;
    }

    static void finish(Object begun, int operation, int resourceKind, int resourceId, Object resource) {
        BlockingCallEvent event = (BlockingCallEvent) begun;
        event.operation = operation;
        event.resourceKind = resourceKind;
        event.resourceId = resourceId;
        event.console = isConsole(resource);
        event.commit();
    }

    private static boolean isConsole(Object resource) {
        if (!(resource instanceof FileOutputStream stream)) {
            return false;
        }
        try {
            FileDescriptor fd = stream.getFD();
            return fd == FileDescriptor.out || fd == FileDescriptor.err;
        } catch (IOException e) {
            return false;
        }
    }
}
