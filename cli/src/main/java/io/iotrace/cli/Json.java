package io.iotrace.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The CLI's one JSON writer (and reader), configured once: indented for a person who opens the file, and enums
 * written through {@code toString()}, the lower-case names the text reports use too. Every JSON document iotrace
 * prints or writes (reports, syscall reports, lint, SARIF, baselines, {@code ps}) goes through here, so that they
 * all look alike.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            // print() writes to the command's own writer, which stays open for what follows.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    /**
     * Prints {@code document} and a line break, as a stream: a report of many processes is never held as one
     * string.
     */
    public static void print(Object document, PrintWriter out) {
        try {
            MAPPER.writeValue(out, document);
        } catch (IOException e) {
            // Only iotrace's own types are written, to a PrintWriter, which never throws: a bug, not a user's mistake.
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** {@code document} as JSON text. */
    public static String text(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // Only iotrace's own types are written: one that cannot be is a bug, not a user's mistake.
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code document} to {@code file}, replacing it. */
    public static void write(Object document, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), document);
    }

    /** @return the tree, or null for an empty file */
    public static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
