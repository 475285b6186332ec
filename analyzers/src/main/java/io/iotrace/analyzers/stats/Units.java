package io.iotrace.analyzers.stats;

import java.util.Locale;

/** Formats durations and byte counts for a person: µs/ms/s, KiB/MiB/GiB. */
public final class Units {

    private Units() {
    }

    /** {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 2.00 s}. */
    public static String nanos(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return format(nanos / 1e3, "µs");
        }
        if (nanos < 1_000_000_000) {
            return format(nanos / 1e6, "ms");
        }
        return format(nanos / 1e9, "s");
    }

    /** {@code 0.432 ms}: fixed-point milliseconds, for columns that line up. */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** {@code 1 read}, {@code 2 reads}: a count and its noun (plural by adding {@code s}). */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 512 B}, {@code 1.50 KiB}, {@code 64.0 MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024L * 1024) {
            return format(bytes / 1024.0, "KiB");
        }
        if (bytes < 1024L * 1024 * 1024) {
            return format(bytes / (1024.0 * 1024), "MiB");
        }
        return format(bytes / (1024.0 * 1024 * 1024), "GiB");
    }

    /** Three significant digits: 1.23, 12.3, 123. */
    private static String format(double value, String unit) {
        String pattern = value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s";
        return String.format(Locale.ROOT, pattern, value, unit);
    }
}
