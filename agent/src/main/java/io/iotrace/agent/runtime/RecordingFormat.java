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
 * EVENT    := i64 start, i64 duration, i64 packed, i64 requested, i64 result, i64 related
 * packed   := op(8) | outcome(4) | buffer(4) | blocking(1) | unused(15) | resourceId(32)
 * str      := u16 length, UTF-8 bytes
 * </pre>
 */
public final class RecordingFormat {
    public static final byte[] MAGIC = {'I', 'O', 'T', 'R', 'A', 'C', 'E', 0};
    public static final int VERSION = 1;

    public static final int TAG_INFO = 1;
    public static final int TAG_THREAD = 2;
    public static final int TAG_RESOURCE = 3;
    public static final int TAG_EVENTS = 4;
    public static final int TAG_DROPS = 5;
    public static final int TAG_END = 6;

    /** Longs per event, in the ring buffers and in the file. */
    public static final int EVENT_LONGS = 6;

    public static long pack(int op, int outcome, int buffer, boolean blocking, int resourceId) {
        return (op & 0xFFL) | (outcome & 0xFL) << 8 | (buffer & 0xFL) << 12 | (blocking ? 1L << 16 : 0L)
                | ((long) resourceId) << 32;
    }

    private RecordingFormat() {
    }
}
