package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.BlockingKind;
import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.Frame;
import io.iotrace.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Findings a team accepts, one rule a line ({@code #} starts a comment):
 * <pre>
 * method com.example.Cache.load      # a frame of the stack is this method
 * class  com.example.LegacyClient    # a frame of the stack is in this class (or a nested class of it)
 * thread metrics-loop-.*             # the thread's whole name matches this regex
 * operation file-read                # this kind of blocking call: sleep, park, monitor-enter, console-write, ...
 * allow-inside    com.example.Cache#load     # made inside this method, however deep ...
 * disallow-inside com.example.Cache#refresh  # ... unless inside this one, called from it
 * blocking-method com.example.Native#call    # not a rule: a method of yours that blocks (as --blocking-method)
 * </pre>
 * The {@code -inside} rules nest as BlockHound's {@code allowBlockingCallsInside} and
 * {@code disallowBlockingCallsInside} do: of the stack's frames that one of them names, the innermost decides.
 */
final class AllowRules {
    private final List<Predicate<Finding>> rules;
    /** Method ({@code a.b.C.m}) to whether calls inside it are allowed. */
    private final Map<String, Boolean> inside;
    /** The file's {@code blocking-method} lines, as written ({@code a.b.C#m}). */
    private final List<String> blockingMethods;

    private AllowRules(List<Predicate<Finding>> rules, Map<String, Boolean> inside, List<String> blockingMethods) {
        this.rules = rules;
        this.inside = inside;
        this.blockingMethods = blockingMethods;
    }

    static AllowRules none() {
        return new AllowRules(List.of(), Map.of(), List.of());
    }

    /** The methods the file declares blocking, {@code a.b.C#m}. */
    List<String> blockingMethods() {
        return blockingMethods;
    }

    static AllowRules read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError("--allow " + file + ": cannot read: " + e.getMessage());
        }
        List<Predicate<Finding>> rules = new ArrayList<>();
        Map<String, Boolean> inside = new HashMap<>();
        List<String> blockingMethods = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // A comment starts at a '#' after a blank, so that CLASS#METHOD stays whole.
            String line = lines.get(i).replaceFirst("(^|\\s)#.*", "").trim();
            String where = file + ":" + (i + 1);
            String[] parts = line.split("\\s+", 2);
            if (line.isEmpty()) {
                continue;
            }
            if (parts[0].equals("blocking-method") && parts.length == 2) {
                MethodNames.parse(parts[1].trim(), where);
                blockingMethods.add(parts[1].trim());
            } else if (parts[0].equals("allow-inside") || parts[0].equals("disallow-inside")) {
                if (parts.length < 2) {
                    throw new UserError(where + ": expected '" + parts[0] + " CLASS#METHOD', got '" + line + "'");
                }
                String method = MethodNames.parse(parts[1].trim(), where);
                Boolean earlier = inside.put(method, parts[0].equals("allow-inside"));
                if (earlier != null && earlier != inside.get(method)) {
                    throw new UserError(where + ": " + parts[1].trim() + " is both allowed and disallowed");
                }
            } else {
                rules.add(parse(line, where));
            }
        }
        return new AllowRules(rules, inside, List.copyOf(blockingMethods));
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
                throw new UserError(where + ": unknown rule '" + parts[0]
                        + "' (known: method, class, thread, operation, allow-inside, disallow-inside, blocking-method)");
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
        return rules.stream().anyMatch(rule -> rule.test(finding)) || allowedInside(finding);
    }

    /** Whether the innermost frame that an {@code -inside} rule names is an allowed one. */
    private boolean allowedInside(Finding finding) {
        for (Frame frame : finding.stack().frames()) {
            Boolean allowed = inside.get(frame.qualifiedMethod());
            if (allowed != null) {
                return allowed;
            }
        }
        return false;
    }
}
