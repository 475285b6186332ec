package io.iotrace.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a SARIF log must also get right that the SARIF 2.1.0 schema cannot check: each result's {@code ruleIndex} points
 * into the driver's rules at the rule named by its {@code ruleId}, and every location's uri is relative to the
 * repository root (GitHub code scanning resolves it there; the schema accepts any uri-reference). Returns the violations.
 */
final class SarifReferences {
    private SarifReferences() {
    }

    static List<String> violationsOf(JsonNode log) {
        List<String> violations = new ArrayList<>();
        JsonNode runs = log.path("runs");
        for (int r = 0; r < runs.size(); r++) {
            JsonNode rules = runs.get(r).path("tool").path("driver").path("rules");
            JsonNode results = runs.get(r).path("results");
            for (int i = 0; i < results.size(); i++) {
                String at = "/runs/" + r + "/results/" + i;
                JsonNode result = results.get(i);
                int index = result.path("ruleIndex").asInt(-1);
                if (index < 0 || index >= rules.size()
                        || !rules.get(index).path("id").asText().equals(result.path("ruleId").asText())) {
                    violations.add(at + ": ruleIndex " + index + " is not the rule " + result.path("ruleId"));
                }
                for (JsonNode uri : result.findValues("uri")) {
                    if (uri.asText().startsWith("/") || uri.asText().contains(":")) {
                        violations.add(at + ": uri must be relative to the repository root: " + uri.asText());
                    }
                }
            }
        }
        return violations;
    }
}
