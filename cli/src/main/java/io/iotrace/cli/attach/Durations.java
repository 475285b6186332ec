package io.iotrace.cli.attach;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Durations as people write them on a command line: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
public final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        int unitAt = 0;
        while (unitAt < t.length() && Character.isDigit(t.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 500ms, 2m)");
        }
        long amount = Long.parseLong(t.substring(0, unitAt));
        return switch (t.substring(unitAt)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s", "" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit (use ms, s, m or h)");
        };
    }

    public static String format(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
