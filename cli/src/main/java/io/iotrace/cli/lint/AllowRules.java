package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.Frame;
import io.iotrace.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Findings a team accepts, one rule a line ({@code #} starts a comment):
 * <pre>
 * method com.example.Cache.load      # a frame of the stack is this method
 * class  com.example.LegacyClient    # a frame of the stack is in this class (or a nested class of it)
 * thread metrics-loop-.*             # the thread's whole name matches this regex
 * operation file-read                # this kind of blocking call: sleep, park, monitor-enter, ...
 * </pre>
 */
final class AllowRules {
    private final List<Predicate<Finding>> rules;

    private AllowRules(List<Predicate<Finding>> rules) {
        this.rules = rules;
    }

    static AllowRules none() {
        return new AllowRules(List.of());
    }

    static AllowRules read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError("--allow " + file + ": cannot read: " + e.getMessage());
        }
        List<Predicate<Finding>> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").trim();
            if (!line.isEmpty()) {
                rules.add(parse(line, file + ":" + (i + 1)));
            }
        }
        return new AllowRules(rules);
    }

    private static Predicate<Finding> parse(String line, String where) {
        String[] parts = line.split("\\s+", 2);
        if (parts.length < 2) {
            throw new UserError(where + ": expected 'method|class|thread|operation VALUE', got '" + line + "'");
        }
        String value = parts[1].trim();
        switch (parts[0]) {
            case "method":
                return f -> f.stack().frames().stream().anyMatch(frame -> frame.qualifiedMethod().equals(value));
            case "class":
                return f -> f.stack().frames().stream().map(Frame::className)
                        .anyMatch(c -> c.equals(value) || c.startsWith(value + "$"));
            case "thread":
                Pattern pattern = compile(value, where);
                return f -> f.threads().stream().allMatch(t -> pattern.matcher(t).matches());
            case "operation":
                BlockingKind kind = BlockingKind.ofId(value);
                if (kind == null) {
                    throw new UserError(where + ": unknown operation '" + value + "' (known: "
                            + String.join(", ", List.of(BlockingKind.values()).stream().map(BlockingKind::id).toList())
                            + ")");
                }
                return f -> f.kind() == kind;
            default:
                throw new UserError(where + ": unknown rule '" + parts[0] + "' (known: method, class, thread, operation)");
        }
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UserError(where + ": bad thread pattern: " + e.getDescription());
        }
    }

    boolean allows(Finding finding) {
        return rules.stream().anyMatch(rule -> rule.test(finding));
    }
}
