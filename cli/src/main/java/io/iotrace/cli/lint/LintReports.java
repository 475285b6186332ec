package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.LoopHealth;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.cli.Durations;
import io.iotrace.cli.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text and JSON forms of a lint: for a person, and for a machine that wants more than SARIF says. */
final class LintReports {
    static final String SCHEMA = "iotrace.lint/1";

    private LintReports() {
    }

    static void json(List<ProcessLint> processes, List<String> warnings, boolean failOnStartup, PrintWriter out)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", SCHEMA);
        document.put("warnings", warnings);
        document.put("findings", processes.stream().mapToInt(p -> p.findings().size()).sum());
        document.put("startUpWaits", processes.stream().mapToInt(p -> p.startUp().size()).sum());
        document.put("failOnStartup", failOnStartup);
        document.put("processes", processes);
        Json.print(document, out);
    }

    static void text(List<ProcessLint> processes, List<String> warnings, boolean failOnStartup, PrintWriter out) {
        warnings.forEach(w -> out.println("warning: " + w));
        int total = 0;
        int startUp = 0;
        for (ProcessLint process : processes) {
            out.println("JVM " + process.pid() + " (" + process.command() + ", Java " + process.javaVersion() + ")");
            out.println("  application code: " + process.application());
            if (process.loops().isEmpty()) {
                out.println("  no event-loop threads");
            }
            for (LoopHealth loop : process.loops()) {
                out.printf("  loop %s: %s%n", loop.name(), loop.reason());
                if (loop.iterations() > 0) {
                    out.printf("    %d iterations, p50 %s, p99 %s, longest stall %s; waiting %.0f%%, working %.0f%%,"
                                    + " blocked %.0f%%%n", loop.iterations(), Durations.readable(loop.p50Nanos()),
                            Durations.readable(loop.p99Nanos()), Durations.readable(loop.maxNanos()),
                            loop.waitingShare() * 100, loop.workingShare() * 100, loop.blockedShare() * 100);
                }
            }
            for (Finding f : process.findings()) {
                total++;
                print(f, out);
            }
            if (!process.startUp().isEmpty()) {
                out.println(failOnStartup ? "  start-up (failing: --fail-on-startup)"
                        : "  start-up (not failing; --fail-on-startup fails on them)");
            }
            for (Finding f : process.startUp()) {
                startUp++;
                print(f, out);
                out.println("    excused as " + f.startUpRule());
            }
        }
        int failing = failOnStartup ? total + startUp : total;
        String summary = failing == 0 ? "No blocking calls on event-loop threads." : failing + " finding(s)"
                + (failOnStartup && startUp > 0 ? " (" + startUp + " at start-up)." : ".");
        out.println(summary + (!failOnStartup && startUp > 0 ? " " + startUp + " start-up wait(s), not failing." : ""));
    }

    private static void print(Finding f, PrintWriter out) {
        out.printf("  %s at %s%n", f.kind().id(), f.topApplicationFrame());
        out.printf("    %s on %s%s: %d calls, total %s, max %s%s%n", f.kind().description(),
                String.join(", ", f.threads()), f.resource().isEmpty() ? "" : " (" + f.resource() + ")",
                f.count(), Durations.readable(f.totalNanos()), Durations.readable(f.maxNanos()),
                f.maxStallNanos() >= 0 ? ", loop iteration stalled up to " + Durations.readable(f.maxStallNanos())
                        : "");
        f.stack().frames().stream().limit(8).forEach(frame -> out.println("      at " + frame));
        out.println("    fingerprint " + f.fingerprint());
    }
}
