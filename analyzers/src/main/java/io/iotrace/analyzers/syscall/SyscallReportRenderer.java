package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.stats.Units;

import io.iotrace.analyzers.model.Verdict;

import java.io.PrintWriter;

/** Writes a {@link SyscallReport} as indented text. */
final class SyscallReportRenderer {
    /** The calls with the most time in them; the rest is in the report object. */
    private static final int SHOWN_WAITS = 8;

    private final PrintWriter out;

    SyscallReportRenderer(PrintWriter out) {
        this.out = out;
    }

    void render(SyscallReport report) {
        out.printf("syscall log: %s%n", String.join(", ", report.files()));
        out.printf("  %d lines, %d events, %d skipped%n", report.lines(), report.events(), report.skippedLines());
        for (String warning : report.warnings()) {
            out.printf("  warning: %s%n", warning);
        }
        for (SyscallProcessReport process : report.processes()) {
            out.printf("%nprocess %d%s%s%s%n", process.pid(),
                    process.program() != null ? " " + process.program() : "",
                    process.parentPid() != 0 ? " (child of " + process.parentPid() + ")" : "",
                    process.exit() != null ? ", " + process.exit() : "");
            verdict("  model", process.verdict());
            out.printf("  architecture: %s%n", process.architecture());
            for (String line : process.architectureEvidence()) {
                out.printf("      %s%n", line);
            }
            copies("  ", process.copies());
            waits("  ", process);
            for (SyscallThreadReport thread : process.threads()) {
                out.printf("  thread %d: %s, %d syscalls%n", thread.tid(), thread.role(), thread.syscalls());
                verdict("    model", thread.verdict());
                copies("    ", thread.copies());
            }
            for (ThreadGroupReport group : process.threadGroups()) {
                out.printf("  %d more threads, added up as they exited: %s, %s%s, %d syscalls%n", group.threads(),
                        group.role(), group.ioModel(), group.mechanism() != null ? " via " + group.mechanism() : "",
                        group.syscalls());
                copies("    ", group.copies());
            }
        }
        out.flush();
    }

    private void verdict(String label, Verdict verdict) {
        out.printf("%s: %s%s (confidence %s)%n", label, verdict.model(),
                verdict.mechanism() != null ? " via " + verdict.mechanism() : "", verdict.confidence());
        for (String line : verdict.evidence().split("; ")) {
            out.printf("      %s%n", line);
        }
    }

    private void copies(String indent, CopyFigures c) {
        if (c.equals(CopyFigures.NONE)) {
            return;
        }
        out.printf("%scopies: read %d calls %s, write %d calls %s, zero-copy %d calls %s, file mmap %d (%s)%n",
                indent, c.readCalls(), Units.bytes(c.readBytes()), c.writeCalls(), Units.bytes(c.writeBytes()),
                c.zeroCopyCalls(), Units.bytes(c.zeroCopyBytes()), c.fileMmaps(), Units.bytes(c.fileMmapBytes()));
    }

    private void waits(String indent, SyscallProcessReport process) {
        boolean header = false;
        int shown = 0;
        for (WaitFigures w : process.waits()) {
            if (w.timedCalls() == 0 || shown++ == SHOWN_WAITS) {
                break;
            }
            if (!header) {
                out.printf("%swaits (-T):  %-16s %8s %12s %12s %12s %12s%n", indent, "call", "calls", "total",
                        "p50", "p99", "max");
                header = true;
            }
            out.printf("%s             %-16s %8d %12s %12s %12s %12s%n", indent, w.call(), w.calls(),
                    Units.millis(w.totalNanos()), Units.millis(w.p50Nanos()), Units.millis(w.p99Nanos()),
                    Units.millis(w.maxNanos()));
        }
    }
}
