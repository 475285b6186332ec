package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.CorrelationReport;
import io.iotrace.analyzers.correlate.Correlator;
import io.iotrace.analyzers.correlate.JavaCallTimeline;
import io.iotrace.analyzers.correlate.SyscallTimeline;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.analyzers.syscall.analysis.SyscallLogAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Syscall logs read once: the syscall report, and for each recording made at the same time, its Java calls
 * matched with the syscalls of their threads.
 *
 * @param warnings recordings that could not be read whole for the correlation
 */
public record SyscallAnalysis(SyscallReport syscalls, List<CorrelationReport> correlations, List<String> warnings) {

    /** @throws io.iotrace.analyzers.syscall.SyscallLogException when a log cannot be read (or, strict, a line) */
    public static SyscallAnalysis of(List<Path> recordings, List<Path> logs, boolean strict) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<JavaCallTimeline> timelines = new ArrayList<>();
        Set<Integer> threads = new HashSet<>();
        for (Path recording : recordings) {
            JavaCallTimeline timeline = JavaCallTimeline.of(recording, warnings);
            if (timeline != null) {
                timelines.add(timeline);
                threads.addAll(timeline.osThreads());
            }
        }
        SyscallTimeline syscalls = new SyscallTimeline(threads);
        SyscallReport report = SyscallLogAnalyzer.analyze(logs, strict, syscalls);
        List<CorrelationReport> correlations = new ArrayList<>();
        for (JavaCallTimeline timeline : timelines) {
            correlations.add(Correlator.correlate(timeline, syscalls));
        }
        return new SyscallAnalysis(report, List.copyOf(correlations), List.copyOf(warnings));
    }
}
