package io.iotrace.analyzers.source.recording;

import java.io.IOException;
import java.nio.file.Path;

/** A recording that cannot be read, with the file and the byte offset where reading stopped. */
public final class RecordingFormatException extends IOException {
    private final transient Path file;
    private final long offset;
    private final long eventsRead;

    public RecordingFormatException(Path file, long offset, long eventsRead, String problem) {
        super(file + ": " + problem + (offset >= 0 ? " (at byte " + offset + ")" : ""));
        this.file = file;
        this.offset = offset;
        this.eventsRead = eventsRead;
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
