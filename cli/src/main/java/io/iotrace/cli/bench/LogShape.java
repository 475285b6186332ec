package io.iotrace.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What makes a syscall log costly to read beyond its size (an strace log, or a {@code perf script} one, whose
 * calls are never cut and whose processes are not counted): how many threads it has (each has state), how many of
 * its lines are calls cut in two by another thread's ({@code <unfinished ...>}, {@code <... resumed>}), and its
 * longest line. Counted from the file, so that it describes the log the benchmark timed.
 */
record LogShape(long bytes, long lines, int threads, int processes, long unfinished, long resumed, int longestLine) {

    private static final byte[] UNFINISHED = "<unfinished ...>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESUMED = "<... ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLONE_THREAD = "CLONE_THREAD".getBytes(StandardCharsets.US_ASCII);

    /**
     * Threads are the distinct numbers that start lines (an strace {@code -f} log's tids); processes are those
     * threads less the ones a {@code CLONE_THREAD} clone started.
     */
    static LogShape of(Path log) throws IOException {
        IntSet tids = new IntSet();
        long lines = 0, unfinished = 0, resumed = 0, threadClones = 0;
        int longest = 0;
        boolean perf = false;
        byte[] line = new byte[1 << 16];
        int length = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(log)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = b;
                        continue;
                    }
                    lines++;
                    longest = Math.max(longest, length);
                    int tid = leadingNumber(line, length);
                    if (tid < 0) {
                        tid = perfTid(line, length);
                        perf |= tid >= 0;
                    }
                    if (tid >= 0) {
                        tids.add(tid);
                    }
                    if (endsWith(line, length, UNFINISHED)) {
                        unfinished++;
                    } else if (indexOf(line, length, RESUMED) >= 0) {
                        resumed++;
                    }
                    if (indexOf(line, length, CLONE_THREAD) >= 0) {
                        threadClones++;
                    }
                    length = 0;
                }
            }
        }
        // perf script prints no clone flags: its processes are not told apart from its threads.
        int processes = perf ? -1 : (int) Math.max(0, tids.size() - threadClones);
        return new LogShape(Files.size(log), lines, tids.size(), processes, unfinished, resumed, longest);
    }

    @Override
    public String toString() {
        if (processes < 0) {
            return String.format(Locale.ROOT, "%.0f MiB, %d lines, %d threads, longest line %d bytes",
                    bytes / (1024.0 * 1024), lines, threads, longestLine);
        }
        return String.format(Locale.ROOT, "%.0f MiB, %d lines, %d threads, %d processes, %.0f%% unfinished,"
                        + " %.0f%% resumed, longest line %d bytes", bytes / (1024.0 * 1024), lines, threads, processes,
                100.0 * unfinished / Math.max(1, lines), 100.0 * resumed / Math.max(1, lines), longestLine);
    }

    /** The tid of a {@code perf script} line: the number before the {@code [cpu]} column, or -1. */
    private static int perfTid(byte[] line, int length) {
        for (int open = 1; open < length; open++) {
            if (line[open] != '[' || line[open - 1] != ' ') {
                continue;
            }
            int end = open - 1;
            while (end > 0 && line[end] == ' ') {
                end--;
            }
            int start = end;
            while (start >= 0 && line[start] >= '0' && line[start] <= '9') {
                start--;
            }
            if (start == end || end - start > 9) {
                return -1;
            }
            int tid = 0;
            for (int i = start + 1; i <= end; i++) {
                tid = tid * 10 + line[i] - '0';
            }
            return tid;
        }
        return -1;
    }

    private static int leadingNumber(byte[] line, int length) {
        int value = 0;
        int i = 0;
        while (i < length && i < 9 && line[i] >= '0' && line[i] <= '9') {
            value = value * 10 + line[i++] - '0';
        }
        return i == 0 || i == length || line[i] != ' ' ? -1 : value;
    }

    private static boolean endsWith(byte[] line, int length, byte[] suffix) {
        if (length < suffix.length) {
            return false;
        }
        return Arrays.equals(line, length - suffix.length, length, suffix, 0, suffix.length);
    }

    private static int indexOf(byte[] line, int length, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (line[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Distinct non-negative ints in an open-addressing table: a boxed set of a hundred thousand tids is heavy. */
    private static final class IntSet {
        private int[] slots = filled(1024);
        private int size;

        void add(int value) {
            int mask = slots.length - 1;
            int slot = (value * 0x9E3779B9) >>> 8 & mask;
            while (slots[slot] != -1) {
                if (slots[slot] == value) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            if (++size * 2 > slots.length) {
                int[] old = slots;
                slots = filled(old.length * 2);
                size = 0;
                for (int v : old) {
                    if (v != -1) {
                        add(v);
                    }
                }
            }
        }

        int size() {
            return size;
        }

        private static int[] filled(int capacity) {
            int[] slots = new int[capacity];
            Arrays.fill(slots, -1);
            return slots;
        }
    }
}
