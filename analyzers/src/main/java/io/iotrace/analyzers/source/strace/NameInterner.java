package io.iotrace.analyzers.source.strace;

import io.iotrace.analyzers.syscall.SyscallCategory;

import java.nio.charset.StandardCharsets;

/**
 * Turns byte ranges (syscall, errno and signal names) into shared Strings without decoding each occurrence, and
 * remembers each name's {@link SyscallCategory} so that the parser need not look it up by String on every line.
 */
final class NameInterner {
    private static final int MAX_NAMES = 4096;

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
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = keys.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
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
