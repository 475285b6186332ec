package io.iotrace.analyzers.finding;

/**
 * One call that blocked a thread, as Flight Recorder saw it.
 *
 * @param threadId        {@code Thread.getId()} of the caller
 * @param threadName      the caller's name
 * @param virtualThread   the caller is a virtual thread
 * @param kind            what blocked
 * @param resource        on what: a file path, a socket address, a monitor or parked-on class; for a pinned
 *                        virtual thread, why it stayed on its carrier (JDK 24+); empty when none
 * @param startEpochNanos wall clock, ns since the epoch
 * @param durationNanos   how long the thread was blocked
 * @param stack           where the call was made
 */
public record BlockingCall(long threadId, String threadName, boolean virtualThread, BlockingKind kind,
                           String resource, long startEpochNanos, long durationNanos, CallStack stack) {
}
