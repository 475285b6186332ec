package io.iotrace.cli.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.report.GroupReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ThreadReport;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Assertions on a report's thread groups: the role and model of each group that does the process's work. */
final class ServingGroups {
    /** Threads that only wait for standard input, print, or read the JVM's own files are not part of the design. */
    private static final Set<ThreadRole> BYSTANDERS = Set.of(ThreadRole.IDLE, ThreadRole.OTHER);

    private ServingGroups() {
    }

    /** Expected groups as {@code "role model"} strings, in any order, bystanders left out. */
    static void assertGroups(ProcessReport report, String... expected) {
        List<String> actual = report.groups().stream().filter(g -> !BYSTANDERS.contains(g.role()))
                .map(g -> g.role() + " " + g.ioModel()).sorted().toList();
        assertEquals(Arrays.stream(expected).sorted().toList(), actual, () -> describe(report));
    }

    static GroupReport group(ProcessReport report, ThreadRole role) {
        return report.groups().stream().filter(g -> g.role() == role).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " group; " + describe(report)));
    }

    static ThreadReport thread(ProcessReport report, String name) {
        return report.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + "; " + describe(report)));
    }

    static void assertProcess(ProcessReport report, String architecture, IoModel model) {
        assertEquals(architecture, report.architecture().jsonName(), () -> describe(report));
        assertEquals(model, report.ioModel(), () -> describe(report));
    }

    /** What a failed assertion should show: the verdicts and the evidence behind them. */
    static String describe(ProcessReport report) {
        return "architecture " + report.architecture() + " (" + report.architectureSentence() + "), model "
                + report.ioModel() + "; groups: " + report.groups().stream()
                .map(g -> g.label() + " = " + g.role() + " " + g.ioModel() + " [" + g.evidence() + "]")
                .collect(Collectors.joining("; "));
    }
}
