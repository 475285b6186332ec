package io.iotrace.analyzers.finding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tab-separated table shipped beside these classes: one row a line, {@code #} lines and blank lines skipped. */
final class DataTable {
    private DataTable() {
    }

    /** The rows of {@code name}, each split at tabs; a missing table is a broken build, not bad input. */
    static List<String[]> rows(String name) {
        try (InputStream in = DataTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the analyzers' jar");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
