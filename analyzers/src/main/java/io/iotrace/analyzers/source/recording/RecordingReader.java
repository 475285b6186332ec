package io.iotrace.analyzers.source.recording;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.event.ThreadInfo;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams an {@code .iotrace} recording into an {@link EventHandler}, chunk by chunk.
 *
 * <p>Memory holds the thread and resource tables and the asynchronous operations in flight, never the
 * events. The layout is documented in the agent's {@code RecordingFormat}; this reader mirrors it.
 */
public final class RecordingReader {
    static final byte[] MAGIC = {'I', 'O', 'T', 'R', 'A', 'C', 'E', 0};
    /** The version the agent writes; versions 1 (fixed 48-byte events) and 2 (without summaries) are read as well. */
    static final int VERSION = 3;
    private static final int FIRST_VERSION = 1;
    static final int TAG_INFO = 1;
    static final int TAG_THREAD = 2;
    static final int TAG_RESOURCE = 3;
    static final int TAG_EVENTS = 4;
    static final int TAG_DROPS = 5;
    static final int TAG_END = 6;
    static final int TAG_STOPPED = 7;
    static final int TAG_SUMMARY = 8;
    private static final int VERSION_1_EVENT_BYTES = 48;
    /** A summary cell's resource kind for calls that name none. */
    private static final int NO_RESOURCE_KIND = 15;
    private static final int MAX_CHUNK_BYTES = 1 << 20;
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private final Path file;
    private final EventHandler handler;
    private final Map<Long, ThreadInfo> threads = new HashMap<>();
    private final Map<Integer, Resource> resources = new HashMap<>();
    private final Map<Long, Long> droppedByThread = new HashMap<>();
    private final AsyncPairing async;
    private long offset;
    private long events;
    private int version;

    RecordingReader(Path file, EventHandler handler) {
        this.file = file;
        this.handler = handler;
        this.async = new AsyncPairing(handler);
    }

    /**
     * Reads {@code file} into {@code handler}.
     *
     * @throws RecordingFormatException when the file is missing, empty, not a recording, damaged or cut
     *                                  short; events before the damage have been delivered, {@code end} not called
     */
    public static void read(Path file, EventHandler handler) throws RecordingFormatException {
        new RecordingReader(file, handler).read();
    }

    /**
     * Reads the files of one JVM's rolling set, oldest first, as one recording: each file reads on its own, and
     * {@code handler} sees the first one's {@code begin}, every event, and the last one's {@code end}.
     *
     * @throws RecordingFormatException as {@link #read}, for the first file that is not whole but the last
     */
    public static void readSet(List<Path> files, EventHandler handler) throws RecordingFormatException {
        // Each file begins with earlier snapshots of the summaries, which the file before it held already.
        long[] lastSummary = {-1};
        for (int i = 0; i < files.size(); i++) {
            boolean first = i == 0;
            boolean last = i == files.size() - 1;
            read(files.get(i), new EventHandler() {
                @Override
                public void begin(RecordingInfo info) {
                    if (first) {
                        handler.begin(info);
                    }
                }

                @Override
                public void onEvent(IoEvent event) {
                    handler.onEvent(event);
                }

                @Override
                public void onSummary(SummarySnapshot snapshot) {
                    if (snapshot.sequence() > lastSummary[0]) {
                        lastSummary[0] = snapshot.sequence();
                        handler.onSummary(snapshot);
                    }
                }

                @Override
                public void end(long droppedEvents) {
                    if (last) {
                        handler.end(droppedEvents);
                    }
                }
            });
        }
    }

    private void read() throws RecordingFormatException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            readHeader(in);
            readChunks(in);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, -1, 0, "no such file");
        } catch (RecordingFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new RecordingFormatException(file, offset, events, "cannot read: " + e.getMessage());
        }
    }

    private void readHeader(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        int n = in.readNBytes(magic, 0, magic.length);
        if (n == 0) {
            throw problem("empty file, not an iotrace recording");
        }
        checkMagic(magic, n);
        offset = magic.length;
        checkVersion(readShort(in));
    }

    void checkMagic(byte[] magic, int n) throws RecordingFormatException {
        if (n < MAGIC.length && Arrays.equals(magic, 0, n, MAGIC, 0, n)) {
            throw new RecordingFormatException(file, n, 0, "cut short inside the header");
        }
        if (n < MAGIC.length || !Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw problem(foreignFormat(magic, n));
        }
    }

    void checkVersion(int version) throws RecordingFormatException {
        if (version < FIRST_VERSION || version > VERSION) {
            throw problem("recording format version " + version + " is not supported (this iotrace reads "
                    + FIRST_VERSION + " to " + VERSION + ")");
        }
        this.version = version;
    }

    private void readChunks(DataInputStream in) throws IOException {
        while (true) {
            int tag = in.read();
            if (tag < 0) {
                throw cutShort(offset, "ends after " + events + " events without the agent's end marker: the"
                        + " traced JVM stopped before it could close the recording (killed, or its machine stopped),"
                        + " and what it recorded after its last flush is missing");
            }
            long chunkStart = offset;
            offset++;
            byte[] length = in.readNBytes(4);
            if (length.length < 4) {
                throw cutInsideChunk(chunkStart, 1 + length.length, -1);
            }
            offset += 4;
            int declared = checkedLength(java.nio.ByteBuffer.wrap(length).getInt(), chunkStart);
            byte[] payload = new byte[declared];
            int got = in.readNBytes(payload, 0, declared);
            if (got < declared) {
                throw cutInsideChunk(chunkStart, 5 + got, 5 + declared);
            }
            offset += declared;
            if (chunk(tag, payload, chunkStart)) {
                return;
            }
        }
    }

    private RecordingFormatException cutInsideChunk(long chunkStart, int present, int whole) {
        return cutShort(chunkStart, "the data ends inside a chunk, of which " + present + (whole < 0 ? "" : " of "
                + whole) + " bytes are there: read up to it, " + events + " events; the traced JVM was stopped"
                + " while writing, or the file was cut");
    }

    private RecordingFormatException cutShort(long at, String why) {
        async.flush();
        return RecordingFormatException.cutShort(file, at, events, droppedSoFar(), why);
    }

    private long droppedSoFar() {
        return droppedByThread.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The agent's writer never makes a chunk larger than its 1 MiB buffer: a larger length is damage, and must not
     * be allocated.
     */
    int checkedLength(int length, long chunkStart) throws RecordingFormatException {
        if (length < 0 || length > MAX_CHUNK_BYTES) {
            throw new RecordingFormatException(file, chunkStart, events, "damaged chunk length " + length);
        }
        return length;
    }

    /**
     * Delivers one whole chunk.
     *
     * @return whether it was the end marker
     */
    boolean chunk(int tag, byte[] payload, long chunkStart) throws RecordingFormatException {
        Payload p = new Payload(payload, chunkStart);
        switch (tag) {
            case TAG_INFO -> info(p);
            case TAG_THREAD -> thread(p);
            case TAG_RESOURCE -> resource(p);
            case TAG_EVENTS -> events(p);
            case TAG_DROPS -> droppedByThread.put(p.i64(), p.i64());
            case TAG_SUMMARY -> handler.onSummary(summary(p));
            case TAG_END -> {
                p.i64();
                long dropped = p.i64();
                async.flush();
                droppedByThread.forEach(handler::droppedOnThread);
                handler.end(Math.max(dropped, droppedSoFar()));
                return true;
            }
            case TAG_STOPPED -> throw cutShort(chunkStart, "the agent stopped recording after " + events
                    + " events: " + p.str() + "; the JVM's calls after that were not recorded");
            default -> throw new RecordingFormatException(file, chunkStart, events, "unknown chunk tag " + tag);
        }
        return false;
    }

    private void info(Payload p) throws RecordingFormatException {
        long pid = p.i64();
        long epochNanos = p.i64();
        long nanoTime = p.i64();
        String javaVersion = p.str();
        String command = p.str();
        String selectorProvider = p.str();
        handler.begin(new RecordingInfo(pid, javaVersion, command, selectorProvider, epochNanos, nanoTime));
    }

    private SummarySnapshot summary(Payload p) throws RecordingFormatException {
        long nanoTime = p.i64();
        long sequence = p.var();
        boolean callsRecorded = p.u8() != 0;
        long unsummarized = p.var();
        long groupsLeftOut = p.var();
        long groupCount = p.var();
        List<SummarySnapshot.Group> groups = new ArrayList<>();
        for (long g = 0; g < groupCount; g++) {
            String name = p.str();
            long alive = p.var();
            long seen = p.var();
            long cellCount = p.var();
            List<SummarySnapshot.Cell> cells = new ArrayList<>();
            for (long c = 0; c < cellCount; c++) {
                int opCode = p.u8();
                int kindCode = p.u8();
                Operation op = Operation.ofCode(opCode);
                ResourceKind kind = kindCode == NO_RESOURCE_KIND ? null : ResourceKind.ofCode(kindCode);
                if (op == null || kind == null && kindCode != NO_RESOURCE_KIND) {
                    throw new RecordingFormatException(file, p.chunkStart, events, "damaged summary (operation "
                            + opCode + ", resource kind " + kindCode + ")");
                }
                long count = p.var();
                long bytes = p.var();
                long copies = p.var();
                long copiedBytes = p.var();
                long nanos = p.var();
                long[] buckets = new long[SummarySnapshot.BUCKETS];
                for (int b = 0, n = p.u8(); b < n; b++) {
                    int bucket = p.u8();
                    if (bucket >= SummarySnapshot.BUCKETS) {
                        throw new RecordingFormatException(file, p.chunkStart, events, "damaged summary: bucket "
                                + bucket);
                    }
                    buckets[bucket] = p.var();
                }
                cells.add(new SummarySnapshot.Cell(op, kind, count, bytes, copies, copiedBytes, nanos, buckets));
            }
            groups.add(new SummarySnapshot.Group(name, alive, seen, List.copyOf(cells)));
        }
        if (p.remaining() != 0) {
            throw new RecordingFormatException(file, p.chunkStart, events, "summary chunk holds " + p.remaining()
                    + " bytes more than its " + groupCount + " groups");
        }
        return new SummarySnapshot(nanoTime, sequence, callsRecorded, unsummarized, groupsLeftOut, List.copyOf(groups));
    }

    private void thread(Payload p) throws RecordingFormatException {
        long key = p.i64();
        long javaId = p.i64();
        int osTid = p.i32();
        boolean virtual = p.u8() != 0;
        String name = p.str();
        threads.put(key, new ThreadInfo(key, javaId, osTid, name, virtual));
    }

    private void resource(Payload p) throws RecordingFormatException {
        int id = p.i32();
        int code = p.u8();
        ResourceKind kind = ResourceKind.ofCode(code);
        if (kind == null) {
            throw new RecordingFormatException(file, p.chunkStart, events, "unknown resource kind " + code);
        }
        resources.put(id, new Resource(id, kind, p.str()));
    }

    private void events(Payload p) throws RecordingFormatException {
        long key = p.i64();
        int count = p.i32();
        ThreadInfo thread = threads.get(key);
        if (thread == null) {
            throw new RecordingFormatException(file, p.chunkStart, events, "events of undeclared thread " + key);
        }
        if (version == FIRST_VERSION) {
            fixedSizeEvents(p, count, thread);
            return;
        }
        long start = 0;
        long resourceId = 0;
        for (int i = 0; i < count; i++) {
            start += p.zigzag();
            long duration = p.var();
            long flags = p.var();
            resourceId += p.zigzag();
            long requested = p.zigzag();
            long result = p.zigzag();
            long related = p.zigzag();
            event(p, i, thread, start, duration, flags >>> 9, flags >>> 5 & 0xF, flags >>> 1 & 0xF,
                    (flags & 1) != 0, resourceId, requested, result, related);
        }
        if (count < 0 || p.remaining() != 0) {
            throw new RecordingFormatException(file, p.chunkStart, events, "event chunk holds " + p.remaining()
                    + " bytes more than its " + count + " events");
        }
    }

    private void fixedSizeEvents(Payload p, int count, ThreadInfo thread) throws RecordingFormatException {
        if (count < 0 || (long) count * VERSION_1_EVENT_BYTES != p.remaining()) {
            throw new RecordingFormatException(file, p.chunkStart, events, "event chunk holds " + p.remaining()
                    + " bytes for " + count + " events");
        }
        for (int i = 0; i < count; i++) {
            long start = p.i64();
            long duration = p.i64();
            long packed = p.i64();
            event(p, i, thread, start, duration, packed & 0xFF, packed >>> 8 & 0xF, packed >>> 12 & 0xF,
                    (packed >>> 16 & 1) != 0, packed >>> 32, p.i64(), p.i64(), p.i64());
        }
    }

    private void event(Payload p, int i, ThreadInfo thread, long start, long duration, long opCode, long outcomeCode,
                       long bufferCode, boolean blocking, long resourceId, long requested, long result, long related)
            throws RecordingFormatException {
        Operation op = opCode > 0xFF ? null : Operation.ofCode((int) opCode);
        Outcome outcome = Outcome.ofCode((int) outcomeCode);
        BufferKind buffer = BufferKind.ofCode((int) bufferCode);
        if (op == null || outcome == null || buffer == null) {
            throw new RecordingFormatException(file, p.chunkStart, events, "damaged event " + i + " (operation "
                    + opCode + ", outcome " + outcomeCode + ", buffer " + bufferCode + ")");
        }
        Resource resource = resourceId == 0 ? null : resources.get((int) resourceId);
        if (resourceId != 0 && (resource == null || resourceId != (int) resourceId)) {
            throw new RecordingFormatException(file, p.chunkStart, events, "event names undeclared resource "
                    + resourceId);
        }
        IoEvent event = new IoEvent(start, duration, thread, op, resource, blocking, requested, result, outcome,
                buffer, related, 0);
        events++;
        async.accept(event);
    }

    private RecordingFormatException problem(String what) {
        return new RecordingFormatException(file, -1, events, what);
    }

    private static String foreignFormat(byte[] magic, int n) {
        if (n >= 4 && Arrays.equals(Arrays.copyOf(magic, 4), JFR_MAGIC)) {
            return "a JDK Flight Recorder file, not an iotrace recording (open it with 'jfr print' or JDK Mission"
                    + " Control)";
        }
        String start = new String(magic, 0, n, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
        return "not an iotrace recording (it starts with \"" + start + "\", not \"IOTRACE\")";
    }

    private int readShort(DataInputStream in) throws IOException {
        try {
            int v = in.readUnsignedShort();
            offset += 2;
            return v;
        } catch (EOFException e) {
            throw new RecordingFormatException(file, offset, events, "cut short inside the header");
        }
    }

    /** Reads the fields of one chunk; running past its end means the chunk is damaged. */
    private final class Payload {
        private final java.nio.ByteBuffer bytes;
        final long chunkStart;

        Payload(byte[] payload, long chunkStart) {
            this.bytes = java.nio.ByteBuffer.wrap(payload);
            this.chunkStart = chunkStart;
        }

        long i64() throws RecordingFormatException {
            need(8);
            return bytes.getLong();
        }

        int i32() throws RecordingFormatException {
            need(4);
            return bytes.getInt();
        }

        /** An unsigned LEB128 var-int of at most ten bytes. */
        long var() throws RecordingFormatException {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1);
                byte b = bytes.get();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new RecordingFormatException(file, chunkStart, events, "damaged chunk: a var-int longer than 10"
                    + " bytes");
        }

        long zigzag() throws RecordingFormatException {
            long v = var();
            return v >>> 1 ^ -(v & 1);
        }

        int u8() throws RecordingFormatException {
            need(1);
            return bytes.get() & 0xFF;
        }

        String str() throws RecordingFormatException {
            need(2);
            int length = bytes.getShort() & 0xFFFF;
            need(length);
            String s = new String(bytes.array(), bytes.position(), length, StandardCharsets.UTF_8);
            bytes.position(bytes.position() + length);
            return s;
        }

        int remaining() {
            return bytes.remaining();
        }

        private void need(int n) throws RecordingFormatException {
            if (bytes.remaining() < n) {
                throw new RecordingFormatException(file, chunkStart, events, "damaged chunk: a field runs past its end");
            }
        }
    }
}
