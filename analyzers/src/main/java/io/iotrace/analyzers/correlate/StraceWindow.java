package io.iotrace.analyzers.correlate;

/**
 * When strace held the target, on the recording's clock ({@code System.nanoTime()}): only Java calls inside it can
 * be matched with syscalls. A run under strace from its start is held throughout; an attached strace joins later
 * and leaves earlier than the agent.
 */
public record StraceWindow(long fromNanos, long toNanos) {
    public static final StraceWindow WHOLE_RUN = new StraceWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    /** Whether strace saw the whole call. */
    boolean holds(long startNanos, long endNanos) {
        return startNanos >= fromNanos && endNanos <= toNanos;
    }

    /** Whether strace saw any of the call. */
    boolean overlaps(long startNanos, long endNanos) {
        return startNanos <= toNanos && endNanos >= fromNanos;
    }
}
