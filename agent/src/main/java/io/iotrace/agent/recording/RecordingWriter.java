package io.iotrace.agent.recording;

import io.iotrace.agent.runtime.RecordingFormat;
import io.iotrace.agent.runtime.ResourceTable;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends chunks to an {@code .iotrace} file (layout in {@link RecordingFormat}), and rolls over to a new file of
 * the set ({@link RecordingFiles}) when it is full. Each file begins with the JVM's info and the entry of every
 * thread and resource written so far, so that it reads on its own once the older ones are deleted.
 *
 * <p>Used only by the recorder's writer thread and, at the end, by the shutdown hook; never concurrently.
 */
final class RecordingWriter implements ThreadRecorder.EventSink {
    private static final int BUFFER_BYTES = 1 << 20;
    /** A file cut inside a chunk loses that chunk: at most this many events (about 50 KiB). */
    private static final int EVENTS_PER_CHUNK = 4096;
    /** Room made in the buffer before any chunk other than events: more than an entry's longest string. */
    private static final int SMALL_CHUNK_ROOM = 64 * 1024;
    /** Tag, length, thread key and count. */
    private static final int EVENTS_HEADER_BYTES = 1 + 4 + 8 + 4;
    /**
     * Snapshots of the summaries a new file of the set begins with, so that the set keeps the run's earlier
     * intervals after their files are deleted: at most this many, thinned to every other one (the first kept) when
     * full, so the older the interval the coarser.
     */
    private static final int SUMMARIES_KEPT = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final RecordingFiles files;
    private FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final Map<Long, String> namesWritten = new HashMap<>();
    /** The entries a new file of the set begins with, as written: the info, then threads and resources. */
    private byte[] infoChunk;
    private final Map<Long, byte[]> threadChunks = new LinkedHashMap<>();
    private final Map<Integer, byte[]> resourceChunks = new LinkedHashMap<>();
    private final List<byte[]> summaryChunks = new ArrayList<>();
    private long fileStartedNanos;
    /** Bytes of the entries the file being written began with, which rolling over again would not shrink. */
    private long fileEntriesBytes;
    private boolean rolling;
    private final Map<Long, Long> dropsWritten = new HashMap<>();
    private int eventsChunkStart = -1;
    private int eventsInChunk;
    private long eventsWritten;
    private long previousStart;
    private long previousResource;
    /** Bytes of the file that hold whole chunks: where a failed write is cut back to. */
    private long wholeChunksEnd;

    RecordingWriter(RecordingFiles files) throws IOException {
        this.files = files;
        open();
    }

    private void open() throws IOException {
        Path file = files.current();
        // Owner-only: a recording names files and network peers. One left by an earlier JVM with this pid is
        // made the owner's before it is overwritten.
        out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        wholeChunksEnd = 0;
        fileStartedNanos = System.nanoTime();
        buffer.put(RecordingFormat.MAGIC).putShort((short) RecordingFormat.VERSION);
    }

    /**
     * Ends the full file as a whole recording would end, then starts the next with the entries its events may
     * name. Called between chunks only, so that no chunk spans two files.
     */
    private void rollOver() throws IOException {
        rolling = true;
        try {
            long dropped = 0;
            for (long d : dropsWritten.values()) {
                dropped += d;
            }
            int at = beginChunk(RecordingFormat.TAG_END);
            buffer.putLong(eventsWritten).putLong(dropped);
            endChunk(at);
            flush();
            out.close();
            files.rollOver(wholeChunksEnd, System.nanoTime());
            open();
            buffer.put(infoChunk);
            for (byte[] chunk : threadChunks.values()) {
                put(chunk);
            }
            for (byte[] chunk : resourceChunks.values()) {
                put(chunk);
            }
            for (Map.Entry<Long, Long> drops : dropsWritten.entrySet()) {
                int d = beginChunk(RecordingFormat.TAG_DROPS);
                buffer.putLong(drops.getKey()).putLong(drops.getValue());
                endChunk(d);
            }
            for (byte[] chunk : summaryChunks) {
                put(chunk);
            }
            fileEntriesBytes = wholeChunksEnd + buffer.position();
        } finally {
            rolling = false;
        }
    }

    private void put(byte[] chunk) throws IOException {
        if (buffer.remaining() < chunk.length) {
            flush();
        }
        buffer.put(chunk);
    }

    /** The chunk that begins at {@code at} in the buffer, as bytes. */
    private byte[] copyOf(int at) {
        byte[] chunk = new byte[buffer.position() - at];
        buffer.get(at, chunk);
        return chunk;
    }

    void info(long pid, long epochNanos, long nanoTime, String javaVersion, String command, String selector)
            throws IOException {
        int at = beginChunk(RecordingFormat.TAG_INFO);
        buffer.putLong(pid).putLong(epochNanos).putLong(nanoTime);
        putString(javaVersion);
        putString(command);
        putString(selector);
        endChunk(at);
        infoChunk = copyOf(at);
    }

    /** Writes the thread's entry the first time, and again whenever its name has changed. */
    void thread(ThreadRecorder t) throws IOException {
        String name = t.thread.getName();
        if (name.equals(namesWritten.get(t.key))) {
            return;
        }
        namesWritten.put(t.key, name);
        int at = beginChunk(RecordingFormat.TAG_THREAD);
        buffer.putLong(t.key).putLong(t.thread.getId()).putInt(t.osTid()).put((byte) (t.virtual ? 1 : 0));
        putString(name);
        endChunk(at);
        threadChunks.put(t.key, copyOf(at));
    }

    /**
     * Forgets a thread whose ring was released: its events are all written, so a new file need not name it, and
     * what the writer keeps stays bounded by the threads alive rather than by every thread ever seen.
     */
    void forget(long threadKey) {
        namesWritten.remove(threadKey);
        threadChunks.remove(threadKey);
        dropsWritten.remove(threadKey);
    }

    void resources(List<ResourceTable.Definition> definitions) throws IOException {
        for (ResourceTable.Definition d : definitions) {
            int at = beginChunk(RecordingFormat.TAG_RESOURCE);
            buffer.putInt(d.id()).put((byte) d.kind());
            putString(d.description());
            endChunk(at);
            resourceChunks.put(d.id(), copyOf(at));
        }
    }

    void events(ThreadRecorder t, long upTo) throws IOException {
        long tail = t.consumedTail();
        while (tail < upTo) {
            long piece = Math.min(upTo - tail, EVENTS_PER_CHUNK);
            beginEvents(t, (int) piece);
            t.drainTo(tail + piece, this);
            endEvents();
            tail += piece;
        }
        long dropped = t.dropped();
        if (dropped != dropsWritten.getOrDefault(t.key, 0L)) {
            dropsWritten.put(t.key, dropped);
            int at = beginChunk(RecordingFormat.TAG_DROPS);
            buffer.putLong(t.key).putLong(dropped);
            endChunk(at);
        }
    }

    /**
     * Encodes events as var-ints, each field as the difference from the one before where that keeps it short
     * (layout in {@link RecordingFormat}). Done here, on the writer's thread, so the threads that record pay
     * nothing for it.
     */
    @Override
    public void accept(long[] events, int offset, int count) {
        ByteBuffer b = buffer;
        long previousStart = this.previousStart;
        long previousResource = this.previousResource;
        for (int i = offset, end = offset + count * RecordingFormat.EVENT_LONGS; i < end;
                i += RecordingFormat.EVENT_LONGS) {
            long start = events[i];
            long packed = events[i + 2];
            long resource = packed >>> 32;
            putVar(b, zigzag(start - previousStart));
            putVar(b, events[i + 1]);
            putVar(b, (packed >>> 16 & 1) | (packed >>> 12 & 0xF) << 1 | (packed >>> 8 & 0xF) << 5
                    | (packed & 0xFF) << 9);
            putVar(b, zigzag(resource - previousResource));
            putVar(b, zigzag(events[i + 3]));
            putVar(b, zigzag(events[i + 4]));
            putVar(b, zigzag(events[i + 5]));
            previousStart = start;
            previousResource = resource;
        }
        this.previousStart = previousStart;
        this.previousResource = previousResource;
        eventsInChunk += count;
        eventsWritten += count;
    }

    private static long zigzag(long v) {
        return v << 1 ^ v >> 63;
    }

    static void putVar(ByteBuffer b, long v) {
        while ((v & ~0x7FL) != 0) {
            b.put((byte) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }

    /** A snapshot of the summaries, as {@link SummarySnapshots} encoded it. */
    void summary(byte[] payload) throws IOException {
        int at = beginChunk(RecordingFormat.TAG_SUMMARY, 5 + payload.length);
        buffer.put(payload);
        endChunk(at);
        if (summaryChunks.size() == SUMMARIES_KEPT) {
            for (int i = 1; i < summaryChunks.size(); i++) {
                summaryChunks.remove(i);
            }
        }
        summaryChunks.add(copyOf(at));
    }

    void end(long dropped) throws IOException {
        int at = beginChunk(RecordingFormat.TAG_END);
        buffer.putLong(eventsWritten).putLong(dropped);
        endChunk(at);
        flush();
        out.force(false);
        out.close();
    }

    /** Writes the buffer, which holds whole chunks only (after the file's header, the first time). */
    void flush() throws IOException {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            wholeChunksEnd += wholeChunksIn(buffer.position());
            throw e;
        }
        wholeChunksEnd += buffer.limit();
        buffer.clear();
    }

    /**
     * After a write failed (a full disk): cuts the file back to its last whole chunk and, when the space that
     * frees allows it, ends it with the reason, so that a reader says why the recording stops there.
     */
    void stop(String reason) {
        try {
            out.truncate(wholeChunksEnd);
            out.position(wholeChunksEnd);
            buffer.clear();
            int at = beginChunk(RecordingFormat.TAG_STOPPED);
            putString(reason);
            endChunk(at);
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            // No room even for that: the file ends with its last whole chunk, which a reader still reads.
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // Nothing more can be done for this file.
            }
        }
    }

    /** How many of the first {@code written} bytes of the buffer being flushed are whole chunks. */
    private long wholeChunksIn(int written) {
        int at = wholeChunksEnd == 0 ? RecordingFormat.MAGIC.length + 2 : 0;
        if (written < at) {
            return 0;
        }
        while (at + 5 <= written) {
            int next = at + 5 + buffer.getInt(at + 1);
            if (next > written) {
                break;
            }
            at = next;
        }
        return at;
    }

    private void beginEvents(ThreadRecorder t, int events) throws IOException {
        eventsChunkStart = beginChunk(RecordingFormat.TAG_EVENTS,
                EVENTS_HEADER_BYTES + events * RecordingFormat.MAX_EVENT_BYTES);
        buffer.putLong(t.key);
        buffer.putInt(0); // count, patched in endEvents
        eventsInChunk = 0;
        previousStart = 0;
        previousResource = 0;
    }

    private void endEvents() {
        buffer.putInt(eventsChunkStart + 5 + 8, eventsInChunk);
        endChunk(eventsChunkStart);
    }

    private int beginChunk(int tag) throws IOException {
        return beginChunk(tag, SMALL_CHUNK_ROOM);
    }

    /**
     * Starts a chunk and returns where it begins: first rolls over to the next file when this one is full, then
     * makes {@code room} bytes free in the buffer for the chunk.
     */
    private int beginChunk(int tag, int room) throws IOException {
        if (!rolling && tag != RecordingFormat.TAG_END && tag != RecordingFormat.TAG_STOPPED
                && files.full(wholeChunksEnd + buffer.position() - fileEntriesBytes, fileStartedNanos,
                System.nanoTime())) {
            rollOver();
        }
        if (buffer.remaining() < room) {
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
