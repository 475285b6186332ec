package io.iotrace.analyzers.event;

/**
 * A thread as the agent saw it.
 *
 * @param key       unique within one recording (Java thread ids may be reused)
 * @param javaId    {@code Thread.getId()}
 * @param osTid     the Linux thread id, for correlation with strace; 0 when unknown (virtual threads)
 * @param name      the thread's name when the agent last looked
 * @param virtual   true for a virtual thread
 */
public record ThreadInfo(long key, long javaId, int osTid, String name, boolean virtual) {
}
