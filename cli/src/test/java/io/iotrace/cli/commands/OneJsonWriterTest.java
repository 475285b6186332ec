package io.iotrace.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.cli.Json;
import io.iotrace.cli.testing.BuiltJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JSON document of the CLI is written by {@link Json}, configured once. */
class OneJsonWriterTest {

    private enum Kind {
        SOCKET_READ;

        @Override
        public String toString() {
            return "socket-read";
        }
    }

    @Test
    void documentsAreIndentedAndEnumsWrittenAsTheirNames() {
        assertEquals("{" + System.lineSeparator() + "  \"kind\" : \"socket-read\"" + System.lineSeparator() + "}",
                Json.text(Map.of("kind", Kind.SOCKET_READ)));
    }

    @Test
    void noOtherClassOfTheCliMakesAnObjectMapper() throws IOException {
        Path sources = BuiltJars.projectRoot().resolve("cli/src/main/java");
        List<String> others;
        try (Stream<Path> files = Files.walk(sources)) {
            others = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("io/iotrace/cli/Json.java"))
                    .filter(f -> read(f).contains("ObjectMapper"))
                    .map(f -> sources.relativize(f).toString()).toList();
        }
        assertEquals(List.of(), others);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
