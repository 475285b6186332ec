package io.iotrace.analyzers.source;

import io.iotrace.analyzers.event.SyscallEventBatch;

/**
 * Reads one line of a syscall log, straight from bytes, into a batch of events: each log format has one, and the
 * {@link ChunkedLogReader} runs one per worker.
 */
public interface SyscallLineParser {
    /**
     * Parses {@code bytes[from, to)}, a line without its newline, and appends its events (none, for a line that
     * says nothing to add up, such as a header) to {@code events}.
     *
     * @return false when the line is malformed (see {@link #problem()})
     */
    boolean parse(byte[] bytes, int from, int to, SyscallEventBatch events);

    /** Why the last {@link #parse} failed. */
    String problem();
}
