package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.CorrelationReport;
import io.iotrace.analyzers.correlate.Correlator;
import io.iotrace.analyzers.correlate.JavaCallTimeline;
import io.iotrace.analyzers.correlate.StraceSlowdown;
import io.iotrace.analyzers.correlate.StraceWindow;
import io.iotrace.analyzers.correlate.SyscallTimeline;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
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

    /** What strace cost one traced JVM: only the command that ran strace can tell. */
    @FunctionalInterface
    public interface Slowdowns {
        StraceSlowdown of(long pid, Path recording, SyscallReport syscalls);

        /** For logs recorded apart from iotrace, where nothing says how the target ran without strace. */
        Slowdowns UNKNOWN = (pid, recording, syscalls) -> StraceSlowdown.unknown("not known: the log was recorded"
                + " apart from iotrace; 'iotrace run --strace' estimates it and 'iotrace attach --strace' measures it");
    }

    /** @throws io.iotrace.analyzers.syscall.SyscallLogException when a log cannot be read (or, strict, a line) */
    public static SyscallAnalysis of(List<Path> recordings, List<Path> logs, boolean strict, StraceWindow window,
                                     Slowdowns slowdowns) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<JavaCallTimeline> timelines = new ArrayList<>();
        List<Path> timelineFiles = new ArrayList<>();
        Set<Integer> threads = new HashSet<>();
        for (Path recording : recordings) {
            JavaCallTimeline timeline = JavaCallTimeline.of(recording, window, warnings);
            if (timeline != null) {
                timelines.add(timeline);
                timelineFiles.add(recording);
                threads.addAll(timeline.osThreads());
            }
        }
        SyscallTimeline syscalls = new SyscallTimeline(threads);
        SyscallReport report = SyscallLogAnalyzer.analyze(logs, strict, syscalls);
        List<CorrelationReport> correlations = new ArrayList<>();
        for (int i = 0; i < timelines.size(); i++) {
            JavaCallTimeline timeline = timelines.get(i);
            correlations.add(Correlator.correlate(timeline, syscalls,
                    slowdowns.of(timeline.pid(), timelineFiles.get(i), report)));
        }
        return new SyscallAnalysis(report, List.copyOf(correlations), List.copyOf(warnings));
    }
}
