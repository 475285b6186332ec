package io.iotrace.agent.runtime;

/**
 * The recording as the boot part sees it: where a thread gets its ring, and whom it tells that the ring fills up.
 *
 * <p>Only what instrumented JDK code reaches is defined in the bootstrap loader (this package). The recording that
 * drains the rings into files, with its writer thread, rolling files and summaries' snapshots, is the agent's own
 * loader's ({@code io.iotrace.agent.recording.Recorder}), handed to {@link IoTrace#start} behind this interface.
 */
public interface Recording {
    /** False with {@code mode=summary}: threads only add their calls up. */
    boolean recordsCalls();

    /** The ids and descriptions of the resources the calls name. */
    ResourceTable resources();

    /** A recorder for {@code thread}, calling this the first time it does I/O: with a ring when there is room. */
    ThreadRecorder newThreadRecorder(Thread thread, boolean virtual);

    /** Hands a thread's recorder, complete, to the writer. */
    void publish(ThreadRecorder t);

    /** Called by a thread whose ring has just become half full. */
    void wakeWriter();
}
