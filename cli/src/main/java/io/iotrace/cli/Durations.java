package io.iotrace.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one grammar of every duration option of every command: a number and its unit, {@code 250us}, {@code 500ms},
 * {@code 1.5s}, {@code 2m}, {@code 1h} (units {@code ns}, {@code us} or {@code µs}, {@code ms}, {@code s}, {@code m},
 * {@code h}).
 * <p>
 * A number without a unit is refused, {@code 0} excepted (it is the same in every unit). A bare number used to mean
 * seconds to {@code attach --duration} and milliseconds to {@code lint --min-duration}; whichever meaning won, the
 * other option's users would be off by a factor of 1000 without a word. Refused, the mistake costs one retyped
 * option and the message says what to write; scripts that still pass bare numbers stop at once instead of quietly
 * recording or filtering for the wrong time.
 */
public final class Durations implements ITypeConverter<Duration> {
    /** The units, for messages and help texts. */
    public static final String UNITS = "ns, us, ms, s, m, h";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zµ]*)");

    /** Called by picocli: a refusal names the option and the value, and is printed as one line, exit code 2. */
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** @throws TypeConversionException when {@code text} is not a number with a unit, saying what to write */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration (examples: 250us, 500ms, 30s, 2m)");
        }
        String number = m.group(1);
        BigDecimal amount = new BigDecimal(number);
        if (m.group(2).isEmpty() && amount.signum() != 0) {
            throw new TypeConversionException("'" + text + "' has no unit: write " + number + "ms, " + number + "s or "
                    + number + "m (units: " + UNITS + ")");
        }
        long nanosPerUnit = switch (m.group(2)) {
            case "", "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new TypeConversionException("'" + text + "' has an unknown unit '" + m.group(2)
                    + "' (units: " + UNITS + ")");
        };
        try {
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + text + "' is too long (at most 292 years)");
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 250us}: a duration the way an option takes it, to echo one back. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }

    /** {@code 5.20 ms}: a measured duration, rounded for a person to read. */
    public static String readable(long nanos) {
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
