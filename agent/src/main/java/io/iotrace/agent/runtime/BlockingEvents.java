package io.iotrace.agent.runtime;

/**
 * The Flight Recorder events of blocking calls that the blocking probe records for {@code iotrace lint}, begun and
 * committed from the hot path through this. The event classes themselves are the agent's own loader's, not the boot
 * part's: {@link IoTrace} is handed an implementation only once the probe has registered them.
 *
 * <p>Each {@code begin} returns the event begun, which goes back to its {@code commit} on the same thread.
 */
public interface BlockingEvents {
    /** The kind of a blocking method call that is {@code ProcessBuilder.start}: a fork and exec. */
    String PROCESS_START = "process-start";
    /** The kind of {@code Thread.yield}. */
    String THREAD_YIELD = "thread-yield";
    /** The kind of a method the user declares blocking. */
    String DECLARED = "blocking-method";

    /** Begins a blocking call the agent instruments (an accept, a connect, a read or write). */
    Object beginCall();

    void commitCall(Object begun, int operation, int resourceKind, int resourceId, Object resource);

    /** Begins a host name lookup through the name service. */
    Object beginHostLookup();

    void commitHostLookup(Object begun, String host, int addresses);

    /** Begins a call that blocks without I/O on a resource, of one of the kinds above. */
    Object beginMethod();

    void commitMethod(Object begun, String kind);
}
