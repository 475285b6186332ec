package io.iotrace.analyzers.source.recording;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recording that cannot be read, with the file and the byte offset where reading stopped; or one that was
 * {@linkplain #isCutShort() cut short}, whose events up to there were all delivered and are worth reporting.
 */
public final class RecordingFormatException extends IOException {
    private final transient Path file;
    private final long offset;
    private final long eventsRead;
    private final boolean cutShort;
    private final long droppedEvents;

    public RecordingFormatException(Path file, long offset, long eventsRead, String problem) {
        this(file, offset, eventsRead, problem, false, 0);
    }

    private RecordingFormatException(Path file, long offset, long eventsRead, String problem, boolean cutShort,
                                     long droppedEvents) {
        super(file + ": " + problem + (offset >= 0 ? " (at byte " + offset + ")" : ""));
        this.file = file;
        this.offset = offset;
        this.eventsRead = eventsRead;
        this.cutShort = cutShort;
        this.droppedEvents = droppedEvents;
    }

    /**
     * A recording whose whole chunks were read but that ends early: a JVM killed or a disk full. Its events are
     * all there up to {@code offset}; only {@code end} was not called.
     */
    static RecordingFormatException cutShort(Path file, long offset, long eventsRead, long droppedEvents,
                                             String why) {
        return new RecordingFormatException(file, offset, eventsRead, why, true, droppedEvents);
    }

    /** Whether every whole chunk was delivered and only the end is missing: report what was read, with a warning. */
    public boolean isCutShort() {
        return cutShort;
    }

    /** Events the agent counted as dropped up to where the recording ends; for a recording {@link #isCutShort()}. */
    public long droppedEvents() {
        return droppedEvents;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    /** Events already delivered to the handler before the problem was found. */
    public long eventsRead() {
        return eventsRead;
    }
}
