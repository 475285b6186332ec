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
            return format(nanos, 1_000, "µs");
        }
        if (nanos < 1_000_000_000) {
            return format(nanos, 1_000_000, "ms");
        }
        return format(nanos, 1_000_000_000, "s");
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
            return format(bytes, 1024, "KiB");
        }
        if (bytes < 1024L * 1024 * 1024) {
            return format(bytes, 1024L * 1024, "MiB");
        }
        return format(bytes, 1024L * 1024 * 1024, "GiB");
    }

    /**
     * {@code amount / unit} to three significant digits (1.23, 12.3, 123), rounded half up as {@code String.format}
     * rounds them, in integers: a report prints thousands of figures, and formatting them through {@code Formatter}
     * was most of the time it took to render one. Below {@link #EXACT} the quotient has at most 15 significant
     * digits, so the double {@code String.format} was given prints as that very quotient and both round alike.
     */
    private static String format(long amount, long unit, String name) {
        if (amount >= EXACT) {
            return format(amount / (double) unit, name);
        }
        long scale = amount < 10 * unit ? 100 : amount < 100 * unit ? 10 : 1;
        long scaled = (2 * amount * scale + unit) / (2 * unit);
        StringBuilder text = new StringBuilder(16).append(scaled / scale);
        if (scale > 1) {
            long fraction = scaled % scale;
            text.append('.');
            if (scale == 100 && fraction < 10) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.append(' ').append(name).toString();
    }

    private static final long EXACT = 1_000_000_000_000_000L;

    private static String format(double value, String unit) {
        String pattern = value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s";
        return String.format(Locale.ROOT, pattern, value, unit);
    }
}
