package io.iotrace.cli.commands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.Durations;
import io.iotrace.cli.IoTraceCli;
import io.iotrace.cli.testing.CliRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** Every duration option of every command reads one grammar: a number and its unit. */
class DurationOptionsTest {

    /** A duration option and the command words that lead to it, e.g. {@code [lint]} and {@code --min-duration}. */
    private record DurationOption(List<String> command, OptionSpec option) {
        String name() {
            return String.join(" ", command) + " " + option.longestName();
        }
    }

    @Test
    void aNumberTakesItsUnit() {
        assertAll(
                () -> assertEquals(Duration.ofNanos(250_000), Durations.parse("250us")),
                () -> assertEquals(Duration.ofNanos(250_000), Durations.parse("250µs")),
                () -> assertEquals(Duration.ofNanos(40), Durations.parse("40ns")),
                () -> assertEquals(Duration.ofMillis(500), Durations.parse("500ms")),
                () -> assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s")),
                () -> assertEquals(Duration.ofSeconds(30), Durations.parse("30S")),
                () -> assertEquals(Duration.ofMinutes(2), Durations.parse("2m")),
                () -> assertEquals(Duration.ofHours(1), Durations.parse("1h")),
                () -> assertEquals(Duration.ofMillis(5), Durations.parse("5 ms")));
    }

    @Test
    void zeroIsTheOneNumberThatNeedsNoUnit() {
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse("0.0"));
    }

    @Test
    void aBareNumberIsRefusedWithWhatToWriteInstead() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> Durations.parse("5"));
        assertEquals("'5' has no unit: write 5ms, 5s or 5m (units: ns, us, ms, s, m, h)", e.getMessage());
    }

    @Test
    void unknownUnitsNegativesWordsAndOverflowsAreRefused() {
        for (String text : List.of("5d", "-1s", "soon", "s", "1e3ms", "9999999h")) {
            assertThrows(TypeConversionException.class, () -> Durations.parse(text), text);
        }
    }

    @Test
    void formatEchoesADurationTheWayAnOptionTakesIt() {
        for (String text : List.of("30s", "500ms", "250us", "40ns", "0s")) {
            assertEquals(text, Durations.format(Durations.parse(text)));
        }
    }

    @Test
    void everyDurationOptionOfEveryCommandIsReadByTheOneGrammar() {
        List<DurationOption> options = durationOptions();
        List<String> names = options.stream().map(DurationOption::name).toList();

        assertTrue(names.containsAll(List.of("attach --duration", "attach --timeout", "lint --duration",
                "lint --min-duration", "lint --timeout", "top --interval", "top --timeout", "benchmark --timeout",
                "benchmark --pause")), names.toString());
        assertAll(options.stream().map(o -> (Executable) () -> assertTrue(
                Stream.of(o.option().converters()).anyMatch(Durations.class::isInstance), o.name())));
    }

    @Test
    void everyDurationOptionRefusesABareNumberInOneLineWithExitCode2() {
        assertAll(durationOptions().stream().map(o -> (Executable) () -> {
            List<String> args = new ArrayList<>(o.command());
            args.addAll(List.of(o.option().longestName(), "5"));

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertEquals(2, run.exitCode(), o.name() + ": " + run.err());
            String firstLine = run.err().lines().findFirst().orElse("");
            assertEquals("iotrace: Invalid value for option '" + o.option().longestName() + "': '5' has no unit:"
                    + " write 5ms, 5s or 5m (units: ns, us, ms, s, m, h)", firstLine, o.name());
            assertFalse(run.err().contains("Exception"), run.err());
        }));
    }

    private static List<DurationOption> durationOptions() {
        List<DurationOption> found = new ArrayList<>();
        collect(IoTraceCli.commandLine(), List.of(), found);
        return found;
    }

    private static void collect(CommandLine command, List<String> words, List<DurationOption> found) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.type() == Duration.class) {
                found.add(new DurationOption(words, option));
            }
        }
        command.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(words);
            deeper.add(name);
            collect(sub, deeper, found);
        });
    }
}
