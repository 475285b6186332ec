package io.iotrace.agent;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A call that blocks its thread without reading or writing a resource, as a Flight Recorder event with its duration
 * and stack: {@code ProcessBuilder.start}, {@code Thread.yield} (JDK 19+, where it is a Java method) and the methods
 * the user declares blocking. Flight Recorder has no event for any of them.
 *
 * <p>Like {@link BlockingCallEvent}, it is registered by the blocking probe and only then begun by {@link io.iotrace.agent.runtime.IoTrace}.
 * Committed from the runtime, its stack starts at the instrumented method, whose code the advice is inlined into.
 */
@Name(BlockingMethodEvent.NAME)
@Label("Blocking Method Call")
@Description("A call that blocks without I/O on a resource, which the iotrace agent instruments")
@Category("iotrace")
@StackTrace(true)
public final class BlockingMethodEvent extends Event {
    /** The event type's name in the JFR file. */
    public static final String NAME = "iotrace.BlockingMethod";

    @Label("Kind")
    @Description("What the call is to iotrace lint: process-start, thread-yield or blocking-method")
    public String kind;

    static Object start() {
        BlockingMethodEvent event = new BlockingMethodEvent();
        event.begin();
        return event;
    }

    static void finish(Object begun, String kind) {
        BlockingMethodEvent event = (BlockingMethodEvent) begun;
        event.kind = kind;
        event.commit();
    }
}
