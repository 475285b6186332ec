package io.iotrace.agent.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends chunks to an {@code .iotrace} file (layout in {@link RecordingFormat}).
 *
 * <p>Used only by the recorder's writer thread and, at the end, by the shutdown hook; never concurrently.
 */
final class RecordingWriter implements ThreadRecorder.EventSink {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final Map<Long, String> namesWritten = new HashMap<>();
    private final Map<Long, Long> dropsWritten = new HashMap<>();
    private int eventsChunkStart = -1;
    private int eventsInChunk;
    private long eventsWritten;

    RecordingWriter(Path file) throws IOException {
        // Owner-only: a recording names files and network peers. One left by an earlier JVM with this pid is
        // made the owner's before it is overwritten.
        out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        buffer.put(RecordingFormat.MAGIC).putShort((short) RecordingFormat.VERSION);
    }

    void info(long pid, long epochNanos, long nanoTime, String javaVersion, String command, String selector)
            throws IOException {
        int at = beginChunk(RecordingFormat.TAG_INFO);
        buffer.putLong(pid).putLong(epochNanos).putLong(nanoTime);
        putString(javaVersion);
        putString(command);
        putString(selector);
        endChunk(at);
    }

    /** Writes the thread's entry the first time, and again whenever its name has changed. */
    void thread(ThreadRecorder t) throws IOException {
        String name = t.thread.getName();
        if (name.equals(namesWritten.get(t.key))) {
            return;
        }
        namesWritten.put(t.key, name);
        int at = beginChunk(RecordingFormat.TAG_THREAD);
        buffer.putLong(t.key).putLong(t.thread.getId()).putInt(t.osTid).put((byte) (t.virtual ? 1 : 0));
        putString(name);
        endChunk(at);
    }

    void resources(List<ResourceTable.Definition> definitions) throws IOException {
        for (ResourceTable.Definition d : definitions) {
            int at = beginChunk(RecordingFormat.TAG_RESOURCE);
            buffer.putInt(d.id()).put((byte) d.kind());
            putString(d.description());
            endChunk(at);
        }
    }

    void events(ThreadRecorder t, long upTo) throws IOException {
        long available = upTo - t.consumedTail();
        if (available > 0) {
            beginEvents(t);
            // Drain in pieces that fit the buffer, so one busy thread cannot overflow it.
            long tail = t.consumedTail();
            while (tail < upTo) {
                long piece = Math.min(upTo - tail, roomForEvents());
                if (piece == 0) {
                    endEvents();
                    flush();
                    beginEvents(t);
                    continue;
                }
                t.drainTo(tail + piece, this);
                tail += piece;
            }
            endEvents();
        }
        long dropped = t.dropped();
        if (dropped != dropsWritten.getOrDefault(t.key, 0L)) {
            dropsWritten.put(t.key, dropped);
            int at = beginChunk(RecordingFormat.TAG_DROPS);
            buffer.putLong(t.key).putLong(dropped);
            endChunk(at);
        }
    }

    /** Copies the events in one bulk move (the view swaps to the file's big-endian order as it goes). */
    @Override
    public void accept(long[] events, int offset, int count) {
        int longs = count * RecordingFormat.EVENT_LONGS;
        buffer.asLongBuffer().put(events, offset, longs);
        buffer.position(buffer.position() + longs * Long.BYTES);
        eventsInChunk += count;
        eventsWritten += count;
    }

    void end(long dropped) throws IOException {
        int at = beginChunk(RecordingFormat.TAG_END);
        buffer.putLong(eventsWritten).putLong(dropped);
        endChunk(at);
        flush();
        out.force(false);
        out.close();
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private void beginEvents(ThreadRecorder t) throws IOException {
        eventsChunkStart = beginChunk(RecordingFormat.TAG_EVENTS);
        buffer.putLong(t.key);
        buffer.putInt(0); // count, patched in endEvents
        eventsInChunk = 0;
    }

    private void endEvents() {
        buffer.putInt(eventsChunkStart + 5 + 8, eventsInChunk);
        endChunk(eventsChunkStart);
    }

    private long roomForEvents() {
        return buffer.remaining() / (RecordingFormat.EVENT_LONGS * 8L);
    }

    /** Starts a chunk and returns where it begins; small chunks are given room first. */
    private int beginChunk(int tag) throws IOException {
        if (buffer.remaining() < 64 * 1024) {
            flush();
        }
        int at = buffer.position();
        buffer.put((byte) tag).putInt(0);
        return at;
    }

    private void endChunk(int at) {
        buffer.putInt(at + 1, buffer.position() - at - 5);
    }

    private void putString(String s) {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 16 * 1024);
        buffer.putShort((short) length).put(bytes, 0, length);
    }
}
