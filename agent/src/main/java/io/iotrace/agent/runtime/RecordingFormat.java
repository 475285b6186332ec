package io.iotrace.agent.runtime;

/**
 * Layout of an {@code .iotrace} file; the analyzers' reader mirrors it.
 *
 * <pre>
 * file    := MAGIC(8) u16 version chunk*
 * chunk   := u8 tag, u32 payloadLength, payload            (big-endian)
 * INFO     : i64 pid, i64 epochNanos, i64 nanoTime, str javaVersion, str command, str selectorProvider
 * THREAD   : i64 key, i64 javaId, i32 osTid, u8 virtual, str name       (repeated when the name changes)
 * RESOURCE : i32 id, u8 kind, str description                          (repeated when it changes)
 * EVENTS   : i64 threadKey, i32 count, count x EVENT
 * DROPS    : i64 threadKey, i64 droppedSoFar
 * END      : i64 events, i64 dropped                                    (absent when the JVM was killed)
 * STOPPED  : str reason                       (the writer failed, a full disk: nothing is recorded after it)
 * SUMMARY  : i64 nanoTime, var sequence (0 first), u8 callsRecorded, var unsummarized, var groupsLeftOut,
 *            var groups, groups x GROUP
 *            (every figure a total since the recording started; written every summary interval and at the end;
 *            a new file of a rolling set begins with up to 32 earlier ones, thinned, which a reader of the set skips
 *            by their sequence)
 * GROUP    := str name, var threadsAlive, var threadsSeen, var cells, cells x CELL
 * CELL     := u8 op, u8 kind (15: none), var count, var bytes, var copies, var copiedBytes, var nanos,
 *             u8 buckets, buckets x (u8 bucket, var count)       (bucket 0: under 256 ns, b: under 2^(b+8) ns)
 * EVENT    := var zigzag(start - previous start), var duration, var flags, var zigzag(resourceId - previous),
 *             var zigzag(requested), var zigzag(result), var zigzag(related)      (previous: 0 in a new chunk)
 * flags    := blocking(1) | buffer(4) << 1 | outcome(4) << 5 | op << 9                  (two bytes for op < 32)
 * var      := unsigned LEB128: 7 bits a byte, low bits first, high bit set on all but the last byte
 * zigzag   := (v << 1) ^ (v >> 63), so that small negative numbers stay short
 * str      := u16 length, UTF-8 bytes
 * </pre>
 *
 * <p>Every chunk is written whole, and the thread and resource entries an EVENTS chunk names come before it, so a
 * file cut anywhere reads up to its last whole chunk. Version 1 (still read) stored each event as six i64 of the
 * ring: 48 bytes, where a socket read now takes about 13.
 */
public final class RecordingFormat {
    public static final byte[] MAGIC = {'I', 'O', 'T', 'R', 'A', 'C', 'E', 0};
    /** Version 3 added SUMMARY; a version 2 file reads as before. */
    public static final int VERSION = 3;

    public static final int TAG_INFO = 1;
    public static final int TAG_THREAD = 2;
    public static final int TAG_RESOURCE = 3;
    public static final int TAG_EVENTS = 4;
    public static final int TAG_DROPS = 5;
    public static final int TAG_END = 6;
    public static final int TAG_STOPPED = 7;
    public static final int TAG_SUMMARY = 8;

    /** The most bytes one event can take in an EVENTS chunk: seven var-ints of at most ten bytes. */
    public static final int MAX_EVENT_BYTES = 7 * 10;

    /** Longs per event in the ring buffers: start, duration, packed, requested, result, related. */
    public static final int EVENT_LONGS = 6;

    public static long pack(int op, int outcome, int buffer, boolean blocking, int resourceId) {
        return (op & 0xFFL) | (outcome & 0xFL) << 8 | (buffer & 0xFL) << 12 | (blocking ? 1L << 16 : 0L)
                | ((long) resourceId) << 32;
    }

    private RecordingFormat() {
    }
}
