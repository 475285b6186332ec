package io.iotrace.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.cli.Json;
import io.iotrace.cli.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings known when a team adopted the gate: only findings not in the baseline fail. A finding is known by its
 * fingerprint (its kind and its stack's methods), which line edits do not change.
 */
final class Baseline {
    static final String SCHEMA = "iotrace.lint-baseline/1";

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    static Baseline empty() {
        return new Baseline(Set.of());
    }

    static Baseline read(Path file) {
        JsonNode root;
        try {
            root = Json.read(file);
        } catch (IOException e) {
            throw new UserError("--baseline " + file + ": not a readable baseline: " + e.getMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new UserError("--baseline " + file + ": not a baseline (schema is not " + SCHEMA + ")");
        }
        Set<String> known = new HashSet<>();
        for (JsonNode finding : root.path("findings")) {
            known.add(finding.path("fingerprint").asText());
        }
        return new Baseline(known);
    }

    boolean knows(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** Writes the fingerprints of {@code findings}, with what each is, so that a reviewer can read the file. */
    static void write(Path file, List<Finding> findings) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("findings", findings.stream().map(f -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fingerprint", f.fingerprint());
            entry.put("operation", f.kind().id());
            entry.put("location", String.valueOf(f.topApplicationFrame()));
            return entry;
        }).distinct().toList());
        try {
            Json.write(root, file);
        } catch (IOException e) {
            throw new UserError("--write-baseline " + file + ": cannot write: " + e.getMessage());
        }
    }
}
