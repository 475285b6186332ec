package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A process's I/O model: that of the threads that carry its connections' data, never of a thread that only accepts
 * or watches (a threading server's accept loop waits in poll while its connection threads block in recv). Without
 * connections, that of the threads that move the most data, an asynchronous caller first.
 */
final class ProcessModel {
    private ProcessModel() {
    }

    static Verdict of(List<ThreadActivity> members, List<SyscallThreadReport> reports) {
        Verdict byConnections = heaviest(members, reports, t -> t.socketDataCalls);
        if (byConnections != null) {
            return byConnections;
        }
        for (SyscallThreadReport report : reports) {
            if (report.verdict().model() == IoModel.ASYNC) {
                return report.verdict();
            }
        }
        Verdict byData = heaviest(members, reports, t -> t.dataCalls() + t.successfulAccepts
                + t.readinessWaitCount());
        return byData != null ? byData : reports.get(0).verdict();
    }

    /**
     * The verdict of the threads that, together, made the most of a figure, grouped by model and mechanism: 200
     * connection threads with 5 reads each outweigh one accept loop with 300 waits. Null when no thread made any.
     */
    private static Verdict heaviest(List<ThreadActivity> members, List<SyscallThreadReport> reports,
                                         ToLongFunction<ThreadActivity> figure) {
        Map<List<Object>, long[]> weights = new LinkedHashMap<>();
        Map<List<Object>, List<SyscallThreadReport>> threads = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            SyscallThreadReport report = reports.get(i);
            long weight = figure.applyAsLong(members.get(i));
            if (weight == 0 || report.verdict().model() == IoModel.NONE) {
                continue;
            }
            List<Object> key = Arrays.asList(report.verdict().model(), report.verdict().mechanism());
            weights.computeIfAbsent(key, k -> new long[1])[0] += weight;
            threads.computeIfAbsent(key, k -> new ArrayList<>()).add(report);
        }
        List<Object> best = null;
        for (Map.Entry<List<Object>, long[]> entry : weights.entrySet()) {
            if (best == null || entry.getValue()[0] > weights.get(best)[0]) {
                best = entry.getKey();
            }
        }
        if (best == null) {
            return null;
        }
        List<SyscallThreadReport> carriers = threads.get(best);
        SyscallThreadReport first = carriers.get(0);
        if (carriers.size() == 1) {
            return first.verdict();
        }
        Verdict lead = first.verdict();
        String evidence = carriers.size() + " threads carry the data this way (" + weights.get(best)[0]
                + " calls); the first, thread " + first.tid() + ": " + lead.evidence();
        return new Verdict(lead.model(), lead.mechanism(), lead.underneath(), lead.confidence(), evidence,
                lead.detector());
    }
}
