package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.ArchitectureVerdict;
import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.SeedAnswers;
import io.iotrace.analyzers.model.ThreadClassification;
import io.iotrace.analyzers.model.ThreadGroup;
import io.iotrace.analyzers.stats.IoStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a classified process and its threads' figures into a {@link ProcessReport}: the one place where a
 * recording's and a syscall log's analyses become the same report.
 */
public final class ProcessReportBuilder {

    /** Each thread's figures, and how many threads it stands for. */
    public interface Figures {
        IoStats of(ThreadClassification thread);

        /**
         * 1 for a thread; more for threads a syscall log added up as they exited, which take part as one thread
         * and are counted in their group but not listed one by one.
         */
        default int threadsIn(ThreadClassification thread) {
            return 1;
        }
    }

    private ProcessReportBuilder() {
    }

    /**
     * @param threads    every thread, classified, in the order first seen
     * @param resources  the resources' reports (a recording's), most waited-on first
     * @param syscalls   the figures per syscall (a syscall log's), most time first
     */
    public static ProcessReport build(ReportSource source, ProcessSummary process, long droppedEvents,
                                      List<ThreadClassification> threads, ArchitectureVerdict a, Figures figures,
                                      List<ResourceReport> resources, List<SyscallFigures> syscalls) {
        IoStats totals = new IoStats();
        threads.forEach(t -> totals.add(figures.of(t)));
        List<ThreadReport> threadReports = threads.stream().filter(t -> figures.threadsIn(t) == 1)
                .map(t -> threadReport(t, figures.of(t))).toList();
        List<GroupReport> groups = ThreadGroup.of(threads).stream().map(g -> groupReport(g, figures)).toList();
        long duration = totals.events() == 0 ? 0 : totals.lastEndNanos() - totals.firstStartNanos();
        return new ProcessReport(ProcessReport.SCHEMA, source, process, droppedEvents, duration, a.ioModel(),
                a.mechanism(), a.underneath(), a.confidence(), a.model().evidence(), a.architecture(), a.sentence(),
                a.evidence(), a.connections(), a.spread(), IoSummary.of(totals), groups, threadReports,
                List.copyOf(resources), List.copyOf(syscalls), null);
    }

    private static ThreadReport threadReport(ThreadClassification t, IoStats io) {
        var thread = t.profile().thread();
        var v = t.verdict();
        return new ThreadReport(thread.key(), thread.javaId(), thread.osTid(), thread.name(), thread.virtual(),
                t.role(), t.roleEvidence(), v.model(), v.mechanism(), v.underneath(), v.confidence(), v.evidence(),
                t.connections(), t.profile().accepts(), IoSummary.of(io));
    }

    private static GroupReport groupReport(ThreadGroup g, Figures figures) {
        IoStats stats = new IoStats();
        List<Long> keys = new ArrayList<>();
        Confidence lowest = Confidence.HIGH;
        ThreadClassification busiest = g.members().get(0);
        int count = 0;
        for (ThreadClassification member : g.members()) {
            stats.add(figures.of(member));
            int threads = figures.threadsIn(member);
            count += threads;
            if (threads == 1) {
                keys.add(member.threadKey());
            }
            if (member.verdict().confidence().compareTo(lowest) > 0) {
                lowest = member.verdict().confidence();
            }
            if (member.profile().decidingCalls() > busiest.profile().decidingCalls()) {
                busiest = member;
            }
        }
        String evidence = count == 1 ? busiest.verdict().evidence()
                : "busiest of " + count + " (" + busiest.profile().thread().name() + "): "
                + busiest.verdict().evidence();
        var v = g.verdict();
        return new GroupReport(g.label(), g.role(), v.model(), v.mechanism(), v.underneath(), g.virtual(), lowest,
                evidence, count, List.copyOf(keys), g.connections(),
                SeedAnswers.of(g.role(), v, g.virtual(), stats.copies()), IoSummary.of(stats));
    }
}
