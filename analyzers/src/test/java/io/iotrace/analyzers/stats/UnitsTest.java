package io.iotrace.analyzers.stats;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Units formats in integers what it used to format with {@code String.format}: the same text for every value. */
class UnitsTest {
    @Test
    void durationsReadAsStringFormatPrintsThem() {
        for (long nanos = 0; nanos < 300_000; nanos++) {
            assertEquals(byFormatter(nanos, 1e3, 1e6, 1e9, "ns", "µs", "ms", "s"), Units.nanos(nanos));
        }
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long nanos = (long) Math.pow(10, random.nextDouble() * 17);
            // The values on either side of where the rounding turns: ...49, ...50, ...51 of a unit's last digit.
            for (long near = nanos - 2; near <= nanos + 2; near++) {
                assertEquals(byFormatter(near, 1e3, 1e6, 1e9, "ns", "µs", "ms", "s"), Units.nanos(near));
                long turn = near - near % 5_000;
                assertEquals(byFormatter(turn, 1e3, 1e6, 1e9, "ns", "µs", "ms", "s"), Units.nanos(turn));
            }
        }
    }

    @Test
    void byteCountsReadAsStringFormatPrintsThem() {
        for (long bytes = 0; bytes < 300_000; bytes++) {
            assertEquals(byFormatter(bytes, 1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024, "B", "KiB", "MiB", "GiB"),
                    Units.bytes(bytes));
        }
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long bytes = (long) Math.pow(10, random.nextDouble() * 17);
            assertEquals(byFormatter(bytes, 1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024, "B", "KiB", "MiB", "GiB"),
                    Units.bytes(bytes));
        }
    }

    /** How Units formatted before: three significant digits by {@code String.format}. */
    private static String byFormatter(long amount, double first, double second, double third, String... units) {
        if (amount < first) {
            return amount + " " + units[0];
        }
        double value;
        String unit;
        if (amount < second) {
            value = amount / first;
            unit = units[1];
        } else if (amount < third) {
            value = amount / second;
            unit = units[2];
        } else {
            value = amount / third;
            unit = units[3];
        }
        String pattern = value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s";
        return String.format(Locale.ROOT, pattern, value, unit);
    }
}
