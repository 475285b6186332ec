package io.iotrace.analyzers.model;

/**
 * How many connections one serving thread handled: the spread of connections over loops or handlers.
 *
 * @param threadKey   the thread's key in the recording
 * @param threadName  its name
 * @param role        its role
 * @param connections server-side connections it read or wrote
 */
public record ConnectionShare(long threadKey, String threadName, ThreadRole role, int connections) {
}
