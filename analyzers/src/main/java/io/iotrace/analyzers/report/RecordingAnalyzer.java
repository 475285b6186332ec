package io.iotrace.analyzers.report;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.model.ArchitectureVerdict;
import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.ProcessClassification;
import io.iotrace.analyzers.model.SeedAnswers;
import io.iotrace.analyzers.model.ThreadClassification;
import io.iotrace.analyzers.model.ThreadGroup;
import io.iotrace.analyzers.model.ThreadProfiles;
import io.iotrace.analyzers.stats.IoStats;

import java.util.ArrayList;
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

        IoStats totals = new IoStats();
        threads.values().forEach(totals::add);
        List<ThreadReport> threadReports = classification.threads().stream().map(this::threadReport).toList();
        List<GroupReport> groups = classification.groups().stream().map(this::groupReport).toList();
        List<ResourceReport> resourceReports = resources.values().stream()
                .sorted(Comparator.comparingLong((ResourceState r) -> r.stats.totalWaitNanos())
                        .thenComparingLong(r -> r.stats.copies().kernelUserBytes() + r.stats.copies().jdkCopyBytes())
                        .reversed())
                .map(RecordingAnalyzer::resourceReport).toList();
        ArchitectureVerdict a = classification.architecture();
        long duration = totals.events() == 0 ? 0 : totals.lastEndNanos() - totals.firstStartNanos();
        return new ProcessReport(ProcessReport.SCHEMA, RecordingSummary.of(info), droppedEvents, duration,
                a.ioModel(), a.mechanism(), a.underneath(), a.architecture(), a.sentence(), a.evidence(),
                a.confidence(), a.connections(), a.spread(), IoSummary.of(totals), groups, threadReports,
                resourceReports);
    }

    private ThreadReport threadReport(ThreadClassification t) {
        var thread = t.profile().thread();
        var v = t.verdict();
        return new ThreadReport(thread.key(), thread.javaId(), thread.osTid(), thread.name(), thread.virtual(),
                t.role(), t.roleEvidence(), v.model(), v.mechanism(), v.underneath(), v.confidence(), v.evidence(),
                t.connections(), t.profile().accepts(), IoSummary.of(threads.get(thread.key())));
    }

    private GroupReport groupReport(ThreadGroup g) {
        IoStats stats = new IoStats();
        List<Long> keys = new ArrayList<>();
        Confidence lowest = Confidence.HIGH;
        ThreadClassification busiest = g.members().get(0);
        for (ThreadClassification member : g.members()) {
            stats.add(threads.get(member.threadKey()));
            keys.add(member.threadKey());
            if (member.verdict().confidence().compareTo(lowest) > 0) {
                lowest = member.verdict().confidence();
            }
            if (member.profile().decidingCalls() > busiest.profile().decidingCalls()) {
                busiest = member;
            }
        }
        String evidence = g.members().size() == 1 ? busiest.verdict().evidence()
                : "busiest of " + g.members().size() + " (" + busiest.profile().thread().name() + "): "
                + busiest.verdict().evidence();
        var v = g.verdict();
        return new GroupReport(g.label(), g.role(), v.model(), v.mechanism(), v.underneath(), g.virtual(), lowest,
                evidence, g.members().size(), List.copyOf(keys), g.connections(),
                SeedAnswers.of(g.role(), v, g.virtual(), stats.copies()), IoSummary.of(stats));
    }

    private static ResourceReport resourceReport(ResourceState r) {
        String kind = r.resource.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new ResourceReport(r.resource.id(), kind, r.resource.description(), IoSummary.of(r.stats));
    }
}
