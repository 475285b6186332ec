package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.model.ProcessClassification;
import io.iotrace.analyzers.model.ThreadProfiles;
import io.iotrace.analyzers.stats.IoStats;
import io.iotrace.analyzers.summary.SummaryTimeline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams one recording's events into per-thread and per-resource figures and classifies the process. Memory grows
 * with threads and resources, never with the number of events. Feed it through {@link EventHandler}, then call
 * {@link #report()}.
 */
public final class RecordingAnalyzer implements EventHandler {

    private final ThreadProfiles profiles = new ThreadProfiles();
    private final Map<Long, IoStats> threads = new LinkedHashMap<>();
    private final Map<Integer, ResourceState> resources = new LinkedHashMap<>();
    private final SummaryTimeline summaries = new SummaryTimeline();
    private RecordingInfo info;
    private long droppedEvents;
    private boolean ended;

    private static final class ResourceState {
        private Resource resource;
        private final IoStats stats = new IoStats();
    }

    @Override
    public void begin(RecordingInfo info) {
        this.info = info;
        summaries.begin(info);
    }

    @Override
    public void onSummary(SummarySnapshot snapshot) {
        summaries.onSummary(snapshot);
    }

    @Override
    public void onEvent(IoEvent event) {
        profiles.record(event);
        threads.computeIfAbsent(event.thread().key(), k -> new IoStats()).record(event);
        if (event.resource() == null) {
            return; // a completion whose submission came before the recording began
        }
        ResourceState resource = resources.computeIfAbsent(event.resource().id(), k -> new ResourceState());
        resource.resource = event.resource();
        resource.stats.record(event);
    }

    @Override
    public void end(long droppedEvents) {
        this.droppedEvents = droppedEvents;
        this.ended = true;
    }

    /** True once {@link #end(long)} was called: the recording was read to its end. */
    public boolean ended() {
        return ended;
    }

    /** The report of everything seen so far. */
    public ProcessReport report() {
        ProcessClassification classification = profiles.classify(info == null ? null : info.selectorProvider());
        List<ResourceReport> resourceReports = resources.values().stream()
                .sorted(Comparator.comparingLong((ResourceState r) -> r.stats.totalWaitNanos())
                        .thenComparingLong(r -> r.stats.copies().kernelUserBytes() + r.stats.copies().jdkCopyBytes())
                        .reversed())
                .map(RecordingAnalyzer::resourceReport).toList();
        return ProcessReportBuilder.build(ReportSource.RECORDING, ProcessSummary.of(info), droppedEvents,
                classification.threads(), classification.architecture(), t -> threads.get(t.threadKey()),
                resourceReports, List.of()).withSummaries(summaries.report());
    }

    private static ResourceReport resourceReport(ResourceState r) {
        String kind = r.resource.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new ResourceReport(r.resource.id(), kind, r.resource.description(), IoSummary.of(r.stats));
    }
}
