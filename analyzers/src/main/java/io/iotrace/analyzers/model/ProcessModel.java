package io.iotrace.analyzers.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A process's I/O model: that of the threads that carry its connections' data, never of a thread that only accepts
 * or watches (a threading server's accept loop waits in poll while its connection threads block in recv). Without
 * connections, that of the threads that do the most I/O, an asynchronous one first. A loop's workers carry data
 * the loop waited for: they count for the loop's model.
 */
public final class ProcessModel {
    private ProcessModel() {
    }

    public static Verdict of(List<ThreadClassification> threads) {
        Verdict byConnections = heaviest(threads, ThreadProfile::socketDataCalls);
        if (byConnections != null) {
            return byConnections;
        }
        for (ThreadClassification thread : threads) {
            if (thread.verdict().model() == IoModel.ASYNC) {
                return thread.verdict();
            }
        }
        Verdict byIo = heaviest(threads, ThreadProfile::decidingCalls);
        return byIo != null ? byIo : threads.get(0).verdict();
    }

    /**
     * The verdict of the threads that, together, made the most of a figure, grouped by model and mechanism: 200
     * connection threads with 5 reads each outweigh one accept loop with 300 waits. Null when no thread made any.
     */
    private static Verdict heaviest(List<ThreadClassification> threads, ToLongFunction<ThreadProfile> figure) {
        ThreadClassification loop = threads.stream().filter(t -> t.role() == ThreadRole.EVENT_LOOP).findFirst()
                .orElse(null);
        Map<List<Object>, long[]> weights = new LinkedHashMap<>();
        Map<List<Object>, List<ThreadClassification>> carriers = new LinkedHashMap<>();
        for (ThreadClassification thread : threads) {
            long weight = figure.applyAsLong(thread.profile());
            Verdict verdict = thread.verdict();
            if (weight == 0 || verdict.model() == IoModel.NONE) {
                continue;
            }
            // A worker is handed ready connections by a loop: its data waited in the loop, whatever mode it reads in.
            Verdict model = thread.role() == ThreadRole.WORKER && loop != null ? loop.verdict() : verdict;
            List<Object> key = Arrays.asList(model.model(), model.mechanism());
            weights.computeIfAbsent(key, k -> new long[1])[0] += weight;
            carriers.computeIfAbsent(key, k -> new ArrayList<>()).add(thread);
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
        List<ThreadClassification> heaviest = carriers.get(best);
        // Workers carry the loop's model, not their own verdict: the sentence quotes a thread that has it.
        ThreadClassification first = heaviest.stream().filter(t -> t.role() != ThreadRole.WORKER).findFirst()
                .orElse(loop != null ? loop : heaviest.get(0));
        Verdict lead = first.verdict();
        if (heaviest.size() == 1) {
            return lead;
        }
        String evidence = heaviest.size() + " threads carry the data this way (" + weights.get(best)[0]
                + " calls); thread " + first.profile().thread().name() + ": " + lead.evidence();
        return new Verdict(lead.model(), lead.mechanism(), lead.underneath(), lead.confidence(), evidence,
                lead.detector());
    }
}
