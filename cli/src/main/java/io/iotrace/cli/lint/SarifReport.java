package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.Frame;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.Durations;
import io.iotrace.cli.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one rule per kind of blocking call, one result per finding,
 * located at the stack's top application frame.
 */
final class SarifReport {
    static final String RULE_PREFIX = "iotrace/blocking-in-event-loop/";

    private SarifReport() {
    }

    static void write(List<ProcessLint> processes, boolean failOnStartup, PrintWriter out) throws IOException {
        List<Object> rules = new ArrayList<>();
        for (BlockingKind kind : BlockingKind.values()) {
            rules.add(map("id", RULE_PREFIX + kind.id(), "name", camel(kind.id()),
                    "shortDescription", map("text", kind.description()),
                    "fullDescription", map("text", kind.description()
                            + ": the loop serves no other connection until the call returns."),
                    "defaultConfiguration", map("level", "error")));
        }
        List<Object> results = new ArrayList<>();
        for (ProcessLint process : processes) {
            for (Finding f : process.findings()) {
                results.add(result(f, process, "error"));
            }
            // Start-up waits as notes, which code scanning shows without failing a check, unless asked to fail.
            for (Finding f : process.startUp()) {
                Map<String, Object> result = result(f, process, failOnStartup ? "error" : "note");
                result.put("properties", map("startUp", true, "startUpRule", f.startUpRule()));
                results.add(result);
            }
        }
        Map<String, Object> driver = map("name", "iotrace", "version", "0.1.0", "rules", rules);
        Map<String, Object> log = map(
                "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                "version", "2.1.0",
                "runs", List.of(map("tool", map("driver", driver), "results", results)));
        Json.print(log, out);
    }

    private static Map<String, Object> result(Finding f, ProcessLint process, String level) {
        String message = f.kind().description() + " " + String.join(", ", f.threads()) + " (JVM " + process.pid()
                + "): " + f.count() + " calls, total " + Durations.readable(f.totalNanos()) + ", max "
                + Durations.readable(f.maxNanos()) + (f.resource().isEmpty() ? "" : " (" + f.resource() + ")")
                + (f.startUp() ? "; at start-up, " + f.startUpRule() : "");
        List<Object> frames = new ArrayList<>();
        for (Frame frame : f.stack().frames()) {
            frames.add(map("location", location(frame)));
        }
        return map("ruleId", RULE_PREFIX + f.kind().id(),
                "ruleIndex", f.kind().ordinal(),
                "level", level,
                "message", map("text", message),
                "locations", List.of(location(f.topApplicationFrame())),
                "partialFingerprints", map("iotraceStack/v1", f.fingerprint()),
                "stacks", List.of(map("message", map("text", "stack of the blocking call"), "frames", frames)));
    }

    private static Map<String, Object> location(Frame frame) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", map("uri", sourcePathGuess(frame.className())));
        if (frame.line() > 0) {
            physical.put("region", map("startLine", frame.line()));
        }
        return map("physicalLocation", physical,
                "logicalLocations", List.of(map("fullyQualifiedName", frame.qualifiedMethod(), "kind", "function")));
    }

    /** Where a Maven or Gradle project keeps the class's source: the class file does not say. */
    static String sourcePathGuess(String className) {
        int nested = className.indexOf('$');
        String outer = nested >= 0 ? className.substring(0, nested) : className;
        return "src/main/java/" + outer.replace('.', '/') + ".java";
    }

    private static String camel(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("InEventLoop").toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
