package io.iotrace.analyzers.source.strace;

import io.iotrace.analyzers.event.SyscallCategory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns byte ranges (syscall, errno and signal names) into shared Strings without decoding each occurrence, and
 * remembers each name's {@link SyscallCategory} so that the parser need not look it up by String on every line.
 *
 * <p>Names of up to 16 bytes, nearly all of them, are first looked up as two little-endian words and a length:
 * a byte-by-byte hash and comparison of every name was a tenth of the parse.
 */
final class NameInterner {
    private static final int MAX_NAMES = 4096;
    private static final int SHORT_NAME_BYTES = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final ConcurrentMap<String, String> CANONICAL = new ConcurrentHashMap<>();

    private long[] shortFirst = new long[256];
    private long[] shortSecond = new long[256];
    private int[] shortLength = new int[256];
    private String[] shortValues = new String[256];
    private SyscallCategory[] shortCategories = new SyscallCategory[256];
    private int shortSize;

    private byte[][] keys = new byte[256][];
    private String[] values = new String[256];
    private SyscallCategory[] categories = new SyscallCategory[256];
    private int size;
    private SyscallCategory lastCategory;

    /** The category of the name {@link #intern} returned last, as if it were a syscall. */
    SyscallCategory lastCategory() {
        return lastCategory;
    }

    String intern(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > SHORT_NAME_BYTES || from + SHORT_NAME_BYTES > bytes.length) {
            return internBytes(bytes, from, to);
        }
        long first = (long) LONGS.get(bytes, from) & mask(Math.min(length, 8));
        long second = length > 8 ? (long) LONGS.get(bytes, from + 8) & mask(length - 8) : 0;
        int mask = shortValues.length - 1;
        int slot = shortHash(first, second, length) & mask;
        for (; ; slot = (slot + 1) & mask) {
            String value = shortValues[slot];
            if (value == null) {
                value = internBytes(bytes, from, to);
                if (shortSize < MAX_NAMES) {
                    shortFirst[slot] = first;
                    shortSecond[slot] = second;
                    shortLength[slot] = length;
                    shortValues[slot] = value;
                    shortCategories[slot] = lastCategory;
                    if (++shortSize * 2 > shortValues.length) {
                        growShort();
                    }
                }
                return value;
            }
            if (shortFirst[slot] == first && shortSecond[slot] == second && shortLength[slot] == length) {
                lastCategory = shortCategories[slot];
                return value;
            }
        }
    }

    /**
     * One String instance per name across all parser threads, so that the aggregation's maps, keyed by name, find
     * theirs at the first comparison instead of comparing bytes.
     */
    private static String canonical(String name) {
        if (CANONICAL.size() >= MAX_NAMES) {
            String known = CANONICAL.get(name);
            return known != null ? known : name;
        }
        String known = CANONICAL.putIfAbsent(name, name);
        return known != null ? known : name;
    }

    private static int shortHash(long first, long second, int length) {
        return mix((int) (first * 0x9E3779B97F4A7C15L >>> 32) + 31 * (int) (second ^ second >>> 32) + length);
    }

    /** The low {@code bytes} bytes of a word. */
    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (bytes * 8)) - 1;
    }

    private void growShort() {
        long[] oldFirst = shortFirst;
        long[] oldSecond = shortSecond;
        int[] oldLength = shortLength;
        String[] oldValues = shortValues;
        SyscallCategory[] oldCategories = shortCategories;
        int capacity = oldValues.length * 2;
        shortFirst = new long[capacity];
        shortSecond = new long[capacity];
        shortLength = new int[capacity];
        shortValues = new String[capacity];
        shortCategories = new SyscallCategory[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] == null) {
                continue;
            }
            long first = oldFirst[i];
            long second = oldSecond[i];
            int length = oldLength[i];
            int slot = shortHash(first, second, length) & mask;
            while (shortValues[slot] != null) {
                slot = (slot + 1) & mask;
            }
            shortFirst[slot] = first;
            shortSecond[slot] = second;
            shortLength[slot] = length;
            shortValues[slot] = oldValues[i];
            shortCategories[slot] = oldCategories[i];
        }
    }

    private String internBytes(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = keys.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String value = canonical(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
                lastCategory = SyscallCategory.of(value);
                // Garbage names must not make the table grow without bound: stop remembering them.
                if (size < MAX_NAMES) {
                    keys[slot] = java.util.Arrays.copyOfRange(bytes, from, to);
                    values[slot] = value;
                    categories[slot] = lastCategory;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return value;
            }
            if (java.util.Arrays.equals(key, 0, key.length, bytes, from, to)) {
                lastCategory = categories[slot];
                return values[slot];
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        SyscallCategory[] oldCategories = categories;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        categories = new SyscallCategory[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            byte[] key = oldKeys[i];
            if (key == null) {
                continue;
            }
            int hash = 1;
            for (byte b : key) {
                hash = 31 * hash + b;
            }
            int slot = mix(hash) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = oldValues[i];
            categories[slot] = oldCategories[i];
        }
    }
}
