package io.iotrace.analyzers.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds line ends eight bytes at a time: the scan for {@code '\n'} touches every byte of the log, and a byte
 * loop over it cost a quarter of the parse.
 */
final class Newlines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Newlines() {
    }

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or -1. */
    static int next(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // The lowest flagged byte is exactly the first zero byte (borrows only flag bytes above it).
            long zeroBytes = (word - ONES) & ~word & HIGH_BITS;
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
