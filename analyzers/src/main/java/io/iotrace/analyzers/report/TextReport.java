package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.ConnectionShare;
import io.iotrace.analyzers.model.SeedAnswers;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.stats.Units;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.analyzers.summary.SummaryText;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a {@link ProcessReport}, from a recording or a syscall log, for a person at a terminal: architecture first,
 * then groups, waits and copies, and for a syscall log the syscalls that took the most time.
 */
public final class TextReport {

    private static final int TOP = 10;
    private static final int SHOWN_SYSCALLS = 8;

    private TextReport() {
    }

    public static void render(ProcessReport r, PrintWriter out) {
        if (r.summaries() != null && !r.summaries().callsRecorded()) {
            ProcessSummary p = r.process();
            SummaryText.renderSummaryOnlyHeading(p == null ? "a JVM"
                    : "pid " + p.pid() + ", java " + p.javaVersion() + ", " + p.command(), out);
        } else {
            header(r, out);
            groups(r, out);
            largestWaits(r, out);
            copyCosts(r, out);
            syscalls(r, out);
        }
        if (r.summaries() != null) {
            SummaryText.render(r.summaries(), out);
        }
        out.flush();
    }

    private static void header(ProcessReport r, PrintWriter out) {
        ProcessSummary p = r.process();
        if (r.source() == ReportSource.SYSCALL_LOG) {
            out.println("process " + p.pid() + suffix(" ", p.command())
                    + (p.parentPid() != 0 ? " (child of " + p.parentPid() + ")" : "") + suffix(", ", p.exit()));
            out.println("  traced       " + Units.nanos(r.durationNanos()) + ", " + r.totals().events() + " syscalls");
        } else {
            out.println(p == null ? "iotrace report"
                    : "iotrace report: pid " + p.pid() + ", java " + p.javaVersion() + ", " + p.command());
            out.println("  recorded     " + Units.nanos(r.durationNanos()) + ", " + r.totals().events() + " events, "
                    + r.droppedEvents() + " dropped" + (r.droppedEvents() > 0 ? " (figures below miss them)" : ""));
        }
        out.println("  architecture " + r.architecture() + ": " + r.architectureSentence());
        out.println("  I/O model    " + r.ioModel() + suffix(" via ", r.mechanism())
                + suffix("; underneath: ", r.underneath()) + " (confidence " + r.confidence() + ")");
        out.println("  evidence     " + r.architectureEvidence());
        out.println("  model from   " + r.evidence());
        if (!r.connectionSpread().isEmpty()) {
            out.println("  connections  " + r.connections() + " accepted; served per thread: "
                    + r.connectionSpread().stream().limit(TOP)
                    .map(s -> s.threadName() + " " + s.connections()).collect(Collectors.joining(", "))
                    + (r.connectionSpread().size() > TOP ? ", …" : ""));
        }
        out.println("  totals       " + waitLine(r.totals()) + "; " + copyLine(r.totals().copies()));
    }

    private static void groups(ProcessReport r, PrintWriter out) {
        out.println();
        out.println("Thread groups");
        List<GroupReport> groups = r.groups().stream()
                .sorted(Comparator.comparingInt((GroupReport g) -> g.role().ordinal())
                        .thenComparing(Comparator.comparingLong((GroupReport g) -> g.io().totalWaitNanos()).reversed()))
                .toList();
        for (GroupReport g : groups) {
            out.println("  " + g.role() + "  " + g.label() + "  (" + plural(g.threads(), "thread")
                    + (g.virtual() ? ", virtual" : "") + (g.connections() > 0 ? ", " + plural(g.connections(),
                    "connection") : "") + ")");
            if (g.role() == ThreadRole.IDLE) {
                // Threads that did no I/O of the program's own: why they are idle is all there is to say.
                out.println("    evidence   " + g.evidence());
                continue;
            }
            out.println("    model      " + g.ioModel() + suffix(" via ", g.mechanism())
                    + suffix("; underneath: ", g.underneath()) + " (confidence " + g.confidence() + ")");
            out.println("    evidence   " + g.evidence());
            out.println("    waits      " + waitLine(g.io()));
            SeedAnswers q = g.questions();
            out.println("    │ how it waits while data arrives │ " + q.howItWaits());
            out.println("    │ who is notified                 │ " + q.whoIsNotified());
            out.println("    │ how the data gets to user space │ " + q.howDataMoves());
        }
    }

    private static void largestWaits(ProcessReport r, PrintWriter out) {
        // Idle threads wait on standard input for the whole run; that says nothing about the program's I/O.
        List<String[]> rows = r.threads().stream().filter(t -> t.role() != ThreadRole.IDLE)
                .flatMap(t -> t.io().waits().stream().filter(w -> w.waits() > 0 && w.kind() != WaitKind.ASYNC_COMPLETION)
                        .map(w -> new Object[]{t, w}))
                .sorted(Comparator.comparingLong((Object[] tw) -> ((WaitReport) tw[1]).totalNanos()).reversed())
                .limit(TOP)
                .map(tw -> {
                    ThreadReport t = (ThreadReport) tw[0];
                    WaitReport w = (WaitReport) tw[1];
                    return new String[]{t.name(), w.kind().toString(), Long.toString(w.waits()),
                            Units.nanos(w.totalNanos()), Units.nanos(w.p50Nanos()), Units.nanos(w.p99Nanos()),
                            Units.nanos(w.maxNanos())};
                }).toList();
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Largest waits");
        table(out, new String[]{"thread", "call", "waits", "total", "p50", "p99", "max"}, rows);
    }

    private static void copyCosts(ProcessReport r, PrintWriter out) {
        List<String[]> rows = r.threads().stream().filter(t -> t.io().copies().bytesDelivered() > 0)
                .sorted(Comparator.comparingLong((ThreadReport t) -> t.io().copies().bytesCopied()).reversed())
                .limit(TOP)
                .map(t -> {
                    CopyReport c = t.io().copies();
                    return new String[]{t.name(), Long.toString(c.kernelUserCopies()), Long.toString(c.jdkCopies()),
                            Units.bytes(c.bytesCopied()), Units.bytes(c.zeroCopyBytes()),
                            String.format(Locale.ROOT, "%.2f", c.copiesPerByte())};
                }).toList();
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Copy costs");
        table(out, new String[]{"thread", "kernel↔user", "JDK temp", "bytes copied", "zero-copy", "copies/byte"},
                rows);
    }

    /** A syscall log's calls with the most time in them; the rest are in the JSON report. */
    private static void syscalls(ProcessReport r, PrintWriter out) {
        List<String[]> rows = r.syscalls().stream().filter(s -> s.timedCalls() > 0).limit(SHOWN_SYSCALLS)
                .map(s -> new String[]{s.call(), Long.toString(s.calls()), Long.toString(s.failures()),
                        Units.nanos(s.totalNanos()), Units.nanos(s.p50Nanos()), Units.nanos(s.p99Nanos()),
                        Units.nanos(s.maxNanos())}).toList();
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("Syscalls with the most time in them (-T)");
        table(out, new String[]{"call", "calls", "failed", "total", "p50", "p99", "max"}, rows);
    }

    private static String waitLine(IoSummary io) {
        String waits = io.waits().stream().filter(w -> w.waits() > 0)
                .sorted(Comparator.comparingLong(WaitReport::totalNanos).reversed())
                .map(w -> w.kind() + " " + w.waits() + "× " + Units.nanos(w.totalNanos()) + " (p50 "
                        + Units.nanos(w.p50Nanos()) + ", p99 " + Units.nanos(w.p99Nanos()) + ", max "
                        + Units.nanos(w.maxNanos()) + ")")
                .collect(Collectors.joining(", "));
        String wouldBlock = io.wouldBlock() > 0 ? "; " + io.wouldBlock() + " would-block" : "";
        return (waits.isEmpty() ? "no waits" : waits) + wouldBlock;
    }

    private static String copyLine(CopyReport c) {
        return Units.bytes(c.bytesDelivered()) + " delivered, " + Units.bytes(c.bytesCopied()) + " copied, "
                + String.format(Locale.ROOT, "%.2f", c.copiesPerByte()) + " copies/byte";
    }

    private static void table(PrintWriter out, String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        printRow(out, header, widths);
        rows.forEach(row -> printRow(out, row, widths));
    }

    /**
     * First column left-aligned (names), the others right-aligned (figures). Padded by hand: a format string per
     * cell was most of the time a report of hundreds of processes took to print.
     */
    private static void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            if (i == 0) {
                line.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
            } else {
                line.append(" ".repeat(2 + widths[i] - cells[i].length())).append(cells[i]);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String suffix(String prefix, Object value) {
        return value == null ? "" : prefix + value;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
