package io.iotrace.analyzers.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compresses thread names into a label: {@code worker-1, …, worker-8} → {@code worker-1..8}. For display only. */
public final class NamePattern {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
    private static final int LISTED_NAMES = 3;

    private NamePattern() {
    }

    public static String of(Collection<String> names) {
        Map<String, List<Long>> numbersByPrefix = new TreeMap<>();
        Set<String> others = new LinkedHashSet<>();
        int unnamed = 0;
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                unnamed++;
                continue;
            }
            Matcher m = NUMBERED.matcher(name);
            if (m.matches() && m.group(2).length() < 18) {
                numbersByPrefix.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
            } else {
                others.add(name);
            }
        }
        List<String> parts = new ArrayList<>();
        numbersByPrefix.forEach((prefix, numbers) -> parts.add(prefix + range(numbers)));
        parts.addAll(others);
        if (unnamed > 0) {
            parts.add(unnamed == 1 ? "(unnamed)" : unnamed + " unnamed");
        }
        if (parts.size() > LISTED_NAMES) {
            return String.join(", ", parts.subList(0, LISTED_NAMES)) + " and " + (parts.size() - LISTED_NAMES)
                    + " more";
        }
        return String.join(", ", parts);
    }

    private static String range(List<Long> numbers) {
        long min = numbers.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
        if (min == max) {
            return Long.toString(min);
        }
        return min + ".." + max;
    }
}
