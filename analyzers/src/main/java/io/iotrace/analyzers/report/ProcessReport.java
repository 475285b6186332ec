package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.ConnectionShare;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Verdict;
import io.iotrace.analyzers.summary.SummaryReport;

import java.util.List;

/**
 * The analysis of one process, whichever source it comes from: its architecture and I/O model, thread groups,
 * threads, resources and syscalls. What a source cannot see is empty (a syscall log has no resources, a recording
 * no syscalls). Immutable; serialize with enums written through {@code toString()}.
 *
 * @param schema               the report format version, {@value #SCHEMA}
 * @param source               a recording or a syscall log
 * @param process              the process; null when a recording said nothing about it
 * @param droppedEvents        events the agent could not record (its buffers were full)
 * @param durationNanos        from the first call's start to the last call's end
 * @param ioModel              the I/O model of the threads that carry the data (or of the busiest, without a server)
 * @param mechanism            its mechanism, null when none
 * @param underneath           what the JDK does below that model when it differs, else null
 * @param confidence           low when the evidence is thin
 * @param evidence             why the process has that model
 * @param architecture         how the process serves connections
 * @param architectureSentence the same in one sentence
 * @param architectureEvidence the counts behind it
 * @param connections          server-side connections accepted
 * @param connectionSpread     connections per serving thread, most first (a syscall log tells them apart by descriptor)
 * @param totals               every thread's figures added up
 * @param groups               thread groups, serving roles first; threads a syscall log added up as they exited
 *                             are counted in their group but not listed in {@code threads}
 * @param threads              every thread kept one by one, in the order first seen
 * @param resources            every resource, the most waited-on and most copied first (recordings)
 * @param syscalls             per syscall, the calls and their durations, the most time first (syscall logs)
 * @param summaries            how the agent's summaries changed over the run (recordings with snapshots), else null
 */
public record ProcessReport(String schema, ReportSource source, ProcessSummary process, long droppedEvents,
                            long durationNanos, IoModel ioModel, Mechanism mechanism, String underneath,
                            Confidence confidence, String evidence, Architecture architecture,
                            String architectureSentence, String architectureEvidence, int connections,
                            List<ConnectionShare> connectionSpread, IoSummary totals, List<GroupReport> groups,
                            List<ThreadReport> threads, List<ResourceReport> resources,
                            List<SyscallFigures> syscalls, SummaryReport summaries) {

    /** Version 4: the agent's summaries are the process's ({@code summaries}), no longer a list beside them. */
    public static final String SCHEMA = "iotrace.report/4";

    /** The process id, or 0 when the source did not say. */
    public long pid() {
        return process == null ? 0 : process.pid();
    }

    /** The process's model as a verdict, to compare with a thread's or another process's. */
    public Verdict verdict() {
        return new Verdict(ioModel, mechanism, underneath, confidence, evidence, null);
    }

    /** One thread kept one by one. */
    public ThreadReport thread(long key) {
        return threads.stream().filter(t -> t.key() == key).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no thread " + key + " in process " + pid()));
    }

    /** The figures of one syscall, or null when the process never made it. */
    public SyscallFigures syscall(String call) {
        return syscalls.stream().filter(s -> s.call().equals(call)).findFirst().orElse(null);
    }

    /** The same report with another process model: a parent that serves through its children takes theirs. */
    public ProcessReport withModel(IoModel ioModel, Mechanism mechanism, Confidence confidence, String evidence) {
        return new ProcessReport(schema, source, process, droppedEvents, durationNanos, ioModel, mechanism, null,
                confidence, evidence, architecture, architectureSentence, architectureEvidence, connections,
                connectionSpread, totals, groups, threads, resources, syscalls, summaries);
    }

    /** The same report with another architecture: a forked child shares its server's. */
    public ProcessReport withArchitecture(Architecture architecture, String sentence, String evidence) {
        return new ProcessReport(schema, source, process, droppedEvents, durationNanos, ioModel, mechanism, underneath,
                confidence, this.evidence, architecture, sentence, evidence, connections, connectionSpread, totals,
                groups, threads, resources, syscalls, summaries);
    }

    /** The same report with the agent's summaries of the run. */
    public ProcessReport withSummaries(SummaryReport summaries) {
        return new ProcessReport(schema, source, process, droppedEvents, durationNanos, ioModel, mechanism, underneath,
                confidence, evidence, architecture, architectureSentence, architectureEvidence, connections,
                connectionSpread, totals, groups, threads, resources, syscalls, summaries);
    }
}
