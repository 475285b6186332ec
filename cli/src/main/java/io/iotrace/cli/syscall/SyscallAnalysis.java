package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.CorrelationReport;
import io.iotrace.analyzers.correlate.Correlator;
import io.iotrace.analyzers.correlate.JavaCallTimeline;
import io.iotrace.analyzers.correlate.StraceSlowdown;
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
 * matched with the syscalls of their threads. The recordings' calls come from the pass that made their reports
 * ({@link JavaCalls}), so no file is read twice.
 */
public record SyscallAnalysis(SyscallReport syscalls, List<CorrelationReport> correlations) {

    /** What strace cost one traced JVM: only the command that ran strace can tell. */
    @FunctionalInterface
    public interface Slowdowns {
        StraceSlowdown of(long pid, Path recording, SyscallReport syscalls);

        /** For logs recorded apart from iotrace, where nothing says how the target ran without strace. */
        Slowdowns UNKNOWN = (pid, recording, syscalls) -> StraceSlowdown.unknown("not known: the log was recorded"
                + " apart from iotrace; 'iotrace run --strace' estimates it and 'iotrace attach --strace' measures it");
    }

    /**
     * @param recordings the calls of each recording, already read
     * @throws io.iotrace.analyzers.syscall.SyscallLogException when a log cannot be read (or, strict, a line)
     */
    public static SyscallAnalysis of(List<JavaCalls> recordings, List<Path> logs, boolean strict,
                                     Slowdowns slowdowns) throws IOException {
        List<JavaCalls> read = recordings.stream().filter(r -> r.timeline() != null).toList();
        Set<Integer> threads = new HashSet<>();
        read.forEach(r -> threads.addAll(r.timeline().osThreads()));
        SyscallTimeline syscalls = new SyscallTimeline(threads);
        // Without a recording to match, no event needs handing over: each would be an object on the reading thread.
        SyscallReport report = SyscallLogAnalyzer.analyze(logs, strict, read.isEmpty() ? null : syscalls);
        List<CorrelationReport> correlations = new ArrayList<>();
        for (JavaCalls calls : read) {
            JavaCallTimeline timeline = calls.timeline();
            correlations.add(Correlator.correlate(timeline, syscalls,
                    slowdowns.of(timeline.pid(), calls.recording(), report)));
        }
        return new SyscallAnalysis(report, List.copyOf(correlations));
    }
}
