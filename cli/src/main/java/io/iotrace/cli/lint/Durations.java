package io.iotrace.cli.lint;

import io.iotrace.cli.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a user writes them: {@code 0}, {@code 250us}, {@code 5ms}, {@code 1.5s}. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)?");

    private Durations() {
    }

    static long parseNanos(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError("--min-duration '" + text + "' is not a duration like 0, 500us, 5ms or 1s");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double nanosPerUnit = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Math.round(value * nanosPerUnit);
    }

    /** {@code 5.20 ms}: what a person reads. */
    static String format(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format("%.1f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format("%.2f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }
}
