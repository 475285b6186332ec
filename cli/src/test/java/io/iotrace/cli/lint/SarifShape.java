package io.iotrace.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The constraints of the SARIF 2.1.0 schema on the objects {@code iotrace lint} emits (sarifLog, run, tool,
 * toolComponent, reportingDescriptor, result, message, location, physicalLocation, artifactLocation, region,
 * logicalLocation, stack, stackFrame): required properties, types, enums and minimums. Returns the violations.
 */
final class SarifShape {
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private final List<String> violations = new ArrayList<>();

    static List<String> violationsOf(JsonNode log) {
        SarifShape shape = new SarifShape();
        shape.sarifLog(log);
        return shape.violations;
    }

    private void sarifLog(JsonNode log) {
        require(log.path("version").asText().equals("2.1.0"), "/version must be \"2.1.0\"");
        require(log.has("$schema") && log.get("$schema").isTextual(), "/$schema must be a string");
        JsonNode runs = array(log, "runs", "/runs");
        for (int r = 0; r < runs.size(); r++) {
            String at = "/runs/" + r;
            JsonNode driver = object(object(runs.get(r), "tool", at + "/tool"), "driver", at + "/tool/driver");
            string(driver, "name", at + "/tool/driver/name");
            JsonNode rules = array(driver, "rules", at + "/tool/driver/rules");
            for (int i = 0; i < rules.size(); i++) {
                string(rules.get(i), "id", at + "/tool/driver/rules/" + i + "/id");
                message(rules.get(i).path("shortDescription"), at + "/tool/driver/rules/" + i + "/shortDescription");
                require(LEVELS.contains(rules.get(i).path("defaultConfiguration").path("level").asText()),
                        at + "/tool/driver/rules/" + i + "/defaultConfiguration/level");
            }
            JsonNode results = array(runs.get(r), "results", at + "/results");
            for (int i = 0; i < results.size(); i++) {
                result(results.get(i), rules, at + "/results/" + i);
            }
        }
    }

    private void result(JsonNode result, JsonNode rules, String at) {
        message(result.path("message"), at + "/message");
        require(LEVELS.contains(result.path("level").asText()), at + "/level must be one of " + LEVELS);
        int index = result.path("ruleIndex").asInt(-2);
        require(index >= 0 && index < rules.size(), at + "/ruleIndex must point into the rules");
        require(index >= 0 && index < rules.size()
                && rules.get(index).path("id").asText().equals(result.path("ruleId").asText()),
                at + "/ruleId must be the id of rule ruleIndex");
        JsonNode locations = array(result, "locations", at + "/locations");
        for (int i = 0; i < locations.size(); i++) {
            location(locations.get(i), at + "/locations/" + i);
        }
        result.path("partialFingerprints").fields().forEachRemaining(e ->
                require(e.getValue().isTextual(), at + "/partialFingerprints/" + e.getKey() + " must be a string"));
        JsonNode stacks = result.path("stacks");
        for (int s = 0; s < stacks.size(); s++) {
            JsonNode frames = array(stacks.get(s), "frames", at + "/stacks/" + s + "/frames");
            for (int f = 0; f < frames.size(); f++) {
                location(frames.get(f).path("location"), at + "/stacks/" + s + "/frames/" + f + "/location");
            }
        }
    }

    private void location(JsonNode location, String at) {
        JsonNode physical = object(location, "physicalLocation", at + "/physicalLocation");
        String uri = string(physical.path("artifactLocation"), "uri", at + "/physicalLocation/artifactLocation/uri");
        require(!uri.contains(" ") && !uri.startsWith("/"), at + ": uri must be a relative uri-reference: " + uri);
        if (physical.has("region")) {
            JsonNode line = physical.get("region").path("startLine");
            require(line.isInt() && line.asInt() >= 1, at + "/physicalLocation/region/startLine must be an integer >= 1");
        }
        for (JsonNode logical : location.path("logicalLocations")) {
            string(logical, "fullyQualifiedName", at + "/logicalLocations/fullyQualifiedName");
        }
    }

    private void message(JsonNode message, String at) {
        require(message.isObject() && message.path("text").isTextual(), at + " must be a message with text");
    }

    private JsonNode object(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        require(node.isObject(), at + " must be an object");
        return node;
    }

    private JsonNode array(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        require(node.isArray(), at + " must be an array");
        return node;
    }

    private String string(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        require(node.isTextual() && !node.asText().isEmpty(), at + " must be a non-empty string");
        return node.asText();
    }

    private void require(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }
}
