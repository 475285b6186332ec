package io.iotrace.agent;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A host name resolved through the name service (a lookup the JVM's address cache did not answer), as a Flight
 * Recorder event with its duration and stack: JFR has no event of its own for it.
 *
 * <p>The blocking probe registers it with Flight Recorder, and only then does {@link io.iotrace.agent.runtime.IoTrace} commit it: a JVM without
 * module jdk.jfr, or traced without {@code blocking=true}, never loads it.
 */
@Name(HostLookupEvent.NAME)
@Label("Host Name Lookup")
@Description("InetAddress resolved a host name through the name service")
@Category("iotrace")
@StackTrace(true)
public final class HostLookupEvent extends Event {
    /** The event type's name in the JFR file. */
    public static final String NAME = "iotrace.HostLookup";

    @Label("Host")
    public String host;

    @Label("Addresses")
    @Description("How many addresses the lookup returned; 0 when it failed")
    public int addresses;

    /** Starts timing a lookup; the object goes back to {@link #finish} on the same thread. */
    static Object start() {
        HostLookupEvent event = new HostLookupEvent();
        event.begin();
        return event;
    }

    static void finish(Object begun, String host, int addresses) {
        HostLookupEvent event = (HostLookupEvent) begun;
        event.host = host;
        event.addresses = addresses;
        event.commit();
    }
}
