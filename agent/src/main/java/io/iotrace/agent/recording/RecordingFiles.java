package io.iotrace.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rolling set of files one JVM records into, bounded in bytes and in age. The file being written is always
 * {@code iotrace-<pid>.iotrace}; when it reaches a segment's size it becomes part
 * {@code iotrace-<pid>.<n>.iotrace} (n from 000001, in order) and a new one starts. Parts are deleted oldest
 * first, so that the whole set stays under {@code maxBytes} and no part is older than {@code maxAgeNanos}.
 */
final class RecordingFiles {
    /** Segments per set: a set of maxBytes keeps at least this fraction of it when the oldest part goes. */
    private static final int SEGMENTS = 8;
    /**
     * What the file being written may hold past a segment: the writer rolls over before any chunk that would start
     * beyond it, so one chunk at most (an EVENTS chunk of 4096 events is under 300 KB).
     */
    private static final long OVERSHOOT_BYTES = 512 << 10;

    private final Path directory;
    private final long pid;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final long segmentBytes;
    private final Deque<Part> parts = new ArrayDeque<>();
    private long partBytes;
    private int nextPart = 1;

    private record Part(Path file, long bytes, long closedAtNanos) {
    }

    /** @param maxAgeNanos 0 for no limit of age */
    RecordingFiles(Path directory, long pid, long maxBytes, long maxAgeNanos) {
        this.directory = directory;
        this.pid = pid;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAgeNanos;
        this.segmentBytes = maxBytes / SEGMENTS;
    }

    Path current() {
        return directory.resolve("iotrace-" + pid + ".iotrace");
    }

    /**
     * Whether the file being written should roll over: it holds {@code bytes} beyond the entries it began with
     * and was started at {@code startedNanos}.
     */
    boolean full(long bytes, long startedNanos, long nowNanos) {
        return bytes >= segmentBytes || maxAgeNanos > 0 && nowNanos - startedNanos >= maxAgeNanos / SEGMENTS;
    }

    /** Renames the closed current file, {@code bytes} long, to the next part, then deletes what the limits ask. */
    void rollOver(long bytes, long nowNanos) throws IOException {
        Path part = directory.resolve(String.format("iotrace-%d.%06d.iotrace", pid, nextPart++));
        Files.move(current(), part);
        parts.addLast(new Part(part, bytes, nowNanos));
        partBytes += bytes;
        // The current file may grow to a segment and one drain past it: the parts make room for that.
        while (!parts.isEmpty() && (partBytes + segmentBytes + OVERSHOOT_BYTES > maxBytes
                || maxAgeNanos > 0 && nowNanos - parts.peekFirst().closedAtNanos() > maxAgeNanos)) {
            Part oldest = parts.removeFirst();
            partBytes -= oldest.bytes();
            Files.deleteIfExists(oldest.file());
        }
    }
}
