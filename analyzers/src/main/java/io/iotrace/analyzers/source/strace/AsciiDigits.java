package io.iotrace.analyzers.source.strace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads up to eight decimal digits at once from a little-endian word of a line: every line has a pid, a timestamp
 * and a duration, some 25 digits, and a loop over them digit by digit was a tenth of the parse.
 */
final class AsciiDigits {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long SIXES = 0x0606060606060606L;

    private AsciiDigits() {
    }

    /** The eight bytes at {@code at}, the first in the lowest byte; {@code at + 8} must be within the array. */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** How many of the word's bytes, from its first, are digits: 0 to 8. */
    static int leading(long word) {
        // A digit is 0x30..0x39: its high nibble is 3, and still is with 6 added. A carry out of a byte that is not
        // a digit can only spoil the bytes after it, never the first non-digit's own flag.
        long notDigits = ((word & HIGH_NIBBLES) ^ ZEROS) | (((word + SIXES) & HIGH_NIBBLES) ^ ZEROS);
        return notDigits == 0 ? 8 : Long.numberOfTrailingZeros(notDigits) >>> 3;
    }

    /** The value of the word's first {@code count} bytes, all digits, 1 to 8 of them. */
    static long value(long word, int count) {
        // Moved to the top, the digits read as an eight-digit number with leading zeros; a byte after them that
        // borrows on subtracting '0' only spoils the bytes the shift drops.
        long digits = (word - ZEROS) << ((8 - count) << 3);
        digits = digits * 10 + (digits >>> 8);
        return ((digits & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
                + ((digits >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
    }
}
