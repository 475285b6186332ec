package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEventBatch;
import io.iotrace.analyzers.event.PartitionedSyscallSink;
import io.iotrace.analyzers.event.SyscallEventSink;
import io.iotrace.analyzers.event.ThreadTable;
import io.iotrace.analyzers.source.ParseProblems;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.ArchitectureClassifier;
import io.iotrace.analyzers.model.ArchitectureVerdict;
import io.iotrace.analyzers.model.ProcessFacts;
import io.iotrace.analyzers.model.ThreadClassification;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Loops;
import io.iotrace.analyzers.model.RoleAssigner;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadModelClassifier;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ProcessReportBuilder;
import io.iotrace.analyzers.report.ProcessSummary;
import io.iotrace.analyzers.report.ReportSource;
import io.iotrace.analyzers.report.SyscallFigures;
import io.iotrace.analyzers.stats.IoStats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds up syscall events per thread as they stream by, then groups threads into processes (from the clone and
 * fork results) and classifies them. Relies only on per-thread order, which every strace mode keeps (even
 * {@code -z}/{@code -Z}, whose lines are out of time order across threads).
 *
 * <p>Because only per-thread order matters, the threads are split into partitions by thread id and each partition
 * can be fed on its own worker: one batch at a time, batches in log order ({@link #acceptPartition}). Each event
 * carries an ordinal, its place in the log, so that the report lists threads in the order they first appeared
 * whichever partition saw them; when every thread has timestamps, the report lists them by their first call's start
 * instead, since with {@code -z}/{@code -Z} a thread's first line can come after a later thread's lines (a call
 * is printed when it returns, stamped with its start). Nothing else depends on the order across threads: which
 * thread belongs to which process is settled from the clone results once all are read.
 */
public final class SyscallAggregator implements SyscallEventSink, PartitionedSyscallSink {
    /** Ordinals reserved per batch: more than the events of any chunk of a log. */
    private static final long BATCH_ORDINALS = 1L << 32;

    private final Partition[] partitions;
    private final FinishedThreads finished = new FinishedThreads();
    /** Holds the one event of {@link #accept}. */
    private final SyscallEventBatch single = new SyscallEventBatch(1);
    private long nextOrdinal;

    /** @param partitions how many workers may feed it at once, each its own partition */
    public SyscallAggregator(int partitions) {
        this.partitions = new Partition[Math.max(1, partitions)];
        for (int i = 0; i < this.partitions.length; i++) {
            this.partitions[i] = new Partition(finished);
        }
    }

    @Override
    public int partitions() {
        return partitions.length;
    }

    /** Feeds one event on the calling thread; no partition may be fed by a worker at the same time. */
    @Override
    public void accept(SyscallEvent event) {
        single.clear();
        single.add(event);
        partitions[partitionOf(event.tid())].accept(single, 0, nextOrdinal++);
    }

    /**
     * Reserves the ordinals of the next batch of events in the log, in log order, on the thread that reads the
     * log: the batch's i-th event is {@code firstOrdinal + i}.
     */
    @Override
    public long reserveBatch() {
        long first = nextOrdinal;
        nextOrdinal += BATCH_ORDINALS;
        return first;
    }

    /**
     * Feeds the events of one partition's threads from a batch. Calls for one partition must not overlap and
     * must come in log order; calls for different partitions may run at the same time.
     */
    @Override
    public void acceptPartition(int partition, SyscallEventBatch events, long firstOrdinal) {
        Partition target = partitions[partition];
        for (int k = events.partitionStart(partition), end = events.partitionEnd(partition); k < end; k++) {
            int i = events.partitionOrder(k);
            target.accept(events, i, firstOrdinal + i);
        }
    }

    @Override
    public void acceptInOrder(int partition, SyscallEventBatch events, long[] ordinals) {
        Partition target = partitions[partition];
        for (int i = 0; i < events.size(); i++) {
            target.accept(events, i, ordinals[i]);
        }
    }

    /**
     * Every partition has added up the batch that starts at {@code firstOrdinal} and all before: the threads
     * that exited before it may be folded ({@link FinishedThreads}).
     */
    @Override
    public void batchAdded(long firstOrdinal) {
        finished.settle(firstOrdinal + BATCH_ORDINALS, firstOrdinal);
    }

    /** Spreads the bits of the tid, then scales it to the partitions: a remainder would be a division per event. */
    @Override
    public int partitionOf(int tid) {
        return (int) (((tid * 0x9E3779B9) & 0xFFFFFFFFL) * partitions.length >>> 32);
    }

    /** Valid when no partition is being fed. */
    public long events() {
        long events = 0;
        for (Partition partition : partitions) {
            events += partition.events;
        }
        return events;
    }

    /**
     * The running threads of one partition; a thread that exits leaves them for {@link FinishedThreads}.
     */
    private static final class Partition {
        private final FinishedThreads finished;
        final ThreadTable<ThreadActivity> threads = new ThreadTable<>();
        ThreadActivity last;
        long events;

        Partition(FinishedThreads finished) {
            this.finished = finished;
        }

        void accept(SyscallEventBatch batch, int i, long ordinal) {
            events++;
            int tid = batch.tid(i);
            ThreadActivity thread = last;
            if (thread == null || thread.tid != tid) {
                thread = find(tid, ordinal);
                last = thread;
            }
            int spawns = thread.spawns.size();
            thread.accept(batch, i, ordinal);
            if (thread.spawns.size() != spawns) {
                finished.spawned(tid, thread.spawns.get(spawns));
            }
            if (thread.exitOrdinal >= 0) {
                threads.remove(tid);
                last = null;
                thread.alone = FinishedThreads.classifyAlone(thread);
                finished.exited(thread);
            }
        }

        private ThreadActivity find(int tid, long ordinal) {
            ThreadActivity thread = threads.get(tid);
            if (thread == null) {
                thread = new ThreadActivity(tid, ordinal);
                threads.put(tid, thread);
            }
            return thread;
        }

        void addTo(List<ThreadActivity> all) {
            threads.forEach(all::add);
        }
    }

    /**
     * All threads, running and exited, and the groups of folded ones (by their first thread), in the order their
     * first calls started, or without timestamps, first appeared in the logs.
     */
    private List<ThreadActivity> threads(Map<ThreadActivity, FoldedThreads> groups) {
        List<ThreadActivity> all = new ArrayList<>();
        for (Partition partition : partitions) {
            partition.addTo(all);
        }
        all.addAll(finished.whole());
        for (FoldedThreads group : finished.groups()) {
            groups.put(group.merged, group);
            all.add(group.merged);
        }
        Comparator<ThreadActivity> inLog = Comparator.comparingLong(thread -> thread.firstOrdinal);
        boolean allTimed = all.stream().allMatch(thread -> thread.firstNanos != Long.MAX_VALUE);
        all.sort(allTimed ? Comparator.<ThreadActivity>comparingLong(thread -> thread.firstNanos).thenComparing(inLog)
                : inLog);
        return all;
    }

    /** Builds the report for everything seen so far. */
    public SyscallReport report(List<String> files, long lines, ParseProblems problems) {
        finished.settleAll();
        Map<ThreadActivity, FoldedThreads> groups = new IdentityHashMap<>();
        List<ThreadActivity> threads = threads(groups);
        Map<Integer, Integer> threadParent = new HashMap<>();
        Map<Integer, Integer> processParent = new HashMap<>();
        for (ThreadActivity thread : threads) {
            if (groups.containsKey(thread)) {
                continue;
            }
            for (ThreadActivity.Spawn spawn : thread.spawns) {
                (spawn.thread() ? threadParent : processParent).put(spawn.child(), thread.tid);
            }
        }
        finished.addParents(threadParent, processParent);
        Map<Integer, List<ThreadActivity>> byProcess = new LinkedHashMap<>();
        for (ThreadActivity thread : threads) {
            FoldedThreads group = groups.get(thread);
            int pid = group != null ? group.pid : pidOf(thread.tid, threadParent);
            byProcess.computeIfAbsent(pid, p -> new ArrayList<>()).add(thread);
        }
        SyscallConnections connections = connections(byProcess, groups, threadParent, processParent);
        Map<Integer, Long> socketData = new HashMap<>();
        byProcess.forEach((pid, members) -> socketData.put(pid, members.stream().mapToLong(t -> t.socketDataCalls).sum()));
        // Children first, so a parent's architecture can look at its children's verdicts. The processes of one
        // depth do not depend on each other: they are classified on all cores, a level at a time (a log of many
        // programs has hundreds of processes, and this part ran on one core after the parse had used all).
        Map<Integer, List<Integer>> byDepth = new TreeMap<>(Comparator.reverseOrder());
        for (int pid : byProcess.keySet()) {
            byDepth.computeIfAbsent(depth(pid, threadParent, processParent), d -> new ArrayList<>()).add(pid);
        }
        // Each process's children, found once: looking them up among all processes for each process grew with the
        // square of a log's processes (thousands in a long trace of a forking server).
        Map<Integer, List<Integer>> childrenOf = new HashMap<>();
        processParent.forEach((child, forker) -> childrenOf.computeIfAbsent(pidOf(forker, threadParent),
                p -> new ArrayList<>()).add(child));
        Map<Integer, ProcessReport> reports = new HashMap<>();
        for (List<Integer> level : byDepth.values()) {
            List<ProcessReport> classified = level.parallelStream().map(pid -> {
                Integer forker = processParent.get(pid);
                int parentPid = forker == null ? 0 : pidOf(forker, threadParent);
                List<ProcessReport> children = new ArrayList<>();
                for (int child : childrenOf.getOrDefault(pid, List.of())) {
                    if (reports.containsKey(child)) {
                        children.add(reports.get(child));
                    }
                }
                return adoptCarriersModel(process(pid, parentPid, byProcess.get(pid), groups, children,
                        connections), children, socketData);
            }).toList();
            for (int i = 0; i < level.size(); i++) {
                reports.put(level.get(i), classified.get(i));
            }
        }
        List<ProcessReport> ordered = new ArrayList<>();
        for (int pid : byProcess.keySet()) {
            ordered.add(reports.get(pid));
        }
        return new SyscallReport(List.copyOf(files), lines, events(), problems.skippedLines(), problems.warnings(),
                inheritArchitecture(ordered));
    }

    /** The log's connections, from the trails of the threads not folded and the forks that passed them on. */
    private static SyscallConnections connections(Map<Integer, List<ThreadActivity>> byProcess,
                                                  Map<ThreadActivity, FoldedThreads> groups,
                                                  Map<Integer, Integer> threadParent,
                                                  Map<Integer, Integer> processParent) {
        Map<Integer, List<ThreadActivity>> whole = new LinkedHashMap<>();
        Map<Integer, SyscallConnections.Fork> forks = new HashMap<>();
        byProcess.forEach((pid, members) -> whole.put(pid, members.stream().filter(t -> !groups.containsKey(t))
                .toList()));
        whole.values().forEach(members -> members.forEach(t -> t.spawns.stream()
                .filter(spawn -> !spawn.thread() && processParent.containsKey(spawn.child()))
                .forEach(spawn -> forks.put(spawn.child(),
                        new SyscallConnections.Fork(pidOf(t.tid, threadParent), spawn.ordinal())))));
        return SyscallConnections.of(whole, forks);
    }

    /**
     * A process that moves no socket data and submits no asynchronous I/O of its own while its children do (a
     * launcher that forks the job), or that serves through its children, has the model of the child that carries
     * the most data: what a master does with its control channel says nothing of how the program serves.
     */
    private static ProcessReport adoptCarriersModel(ProcessReport process, List<ProcessReport> children,
                                                    Map<Integer, Long> socketData) {
        long own = socketData.get((int) process.pid());
        if (process.ioModel() == IoModel.ASYNC || children.isEmpty()) {
            return process;
        }
        ProcessReport carrier = children.stream().filter(c -> socketData.getOrDefault((int) c.pid(), 0L) > own)
                .max(Comparator.comparingLong(c -> socketData.get((int) c.pid())))
                .orElse(own > 0 ? null
                        : children.stream().filter(c -> c.ioModel() == IoModel.ASYNC).findFirst().orElse(null));
        // A server that serves through its children (process per connection, a master and its workers) has
        // their model even when it moves some data itself, such as commands on its channels to them.
        boolean servesThroughChildren = process.architecture() == Architecture.MULTI_PROCESS_EVENT_LOOP
                || process.architecture() == Architecture.PROCESS_PER_CONNECTION;
        if (carrier == null || own > 0 && !servesThroughChildren) {
            return process;
        }
        return process.withModel(carrier.ioModel(), carrier.mechanism(), carrier.confidence(), "its child process "
                + carrier.pid() + " carries the data (" + socketData.get((int) carrier.pid()) + " socket calls against "
                + own + " here): " + carrier.evidence());
    }

    /** A forked child serving one connection, or a worker of a multi-process server, shares its parent's design. */
    private static List<ProcessReport> inheritArchitecture(List<ProcessReport> processes) {
        Map<Long, ProcessReport> byPid = new HashMap<>();
        processes.forEach(p -> byPid.put(p.pid(), p));
        List<ProcessReport> result = new ArrayList<>();
        for (ProcessReport p : processes) {
            ProcessReport parent = byPid.get(p.process().parentPid());
            boolean inherits = parent != null
                    && (parent.architecture() == Architecture.MULTI_PROCESS_EVENT_LOOP
                    || parent.architecture() == Architecture.PROCESS_PER_CONNECTION
                    && p.architecture() == Architecture.NONE);
            if (inherits) {
                p = p.withArchitecture(parent.architecture(), "a child of process " + parent.pid() + ", which is "
                        + parent.architecture(), p.architectureEvidence());
            }
            result.add(p);
        }
        return result;
    }

    /**
     * Classifies a process from its threads; a group of folded threads ({@code groups}) takes part as one
     * thread with its added-up figures and the verdict its threads had, and is reported in its thread group.
     */
    private ProcessReport process(int pid, int parentPid, List<ThreadActivity> members,
                                  Map<ThreadActivity, FoldedThreads> groups, List<ProcessReport> children,
                                  SyscallConnections connections) {
        long asyncSetups = members.stream().mapToLong(t -> t.asyncSetups).sum();
        Map<Integer, ThreadModelClassifier.PoolWork> poolWork = ThreadPoolCallers.find(members);
        BitSet nonBlocking = DescriptorModes.nonBlockingIn(members);
        List<SyscallThreadProfile> profiles = members.stream().map(t -> {
            FoldedThreads group = groups.get(t);
            return group == null ? new SyscallThreadProfile(t, nonBlocking, connections.of(pid, t, nonBlocking))
                    : new SyscallThreadProfile(t, nonBlocking, SyscallConnections.OfThread.NONE,
                    group.threads + " exited threads");
        }).toList();
        // Twice, as for a recording: first each thread alone, then knowing which threads are loops.
        SyscallNeighbours alone = SyscallNeighbours.alone(asyncSetups, poolWork);
        Map<SyscallThreadProfile, Verdict> firstPass = new LinkedHashMap<>();
        Mechanism loopMechanism = null;
        for (SyscallThreadProfile profile : profiles) {
            Verdict verdict = ThreadModelClassifier.classify(profile, alone);
            firstPass.put(profile, verdict);
            if (verdict.model() == IoModel.MULTIPLEXING && loopMechanism == null) {
                loopMechanism = verdict.mechanism();
            }
        }
        Loops owners = Loops.of(firstPass, null);
        SyscallNeighbours neighbours = new SyscallNeighbours(owners, loopMechanism, asyncSetups, poolWork);
        List<ThreadClassification> classified = new ArrayList<>();
        Map<ThreadClassification, IoStats> figures = new IdentityHashMap<>();
        Map<ThreadClassification, Integer> threadCounts = new IdentityHashMap<>();
        Map<String, SyscallStats> calls = new LinkedHashMap<>();
        String program = null;
        String exit = null;
        for (SyscallThreadProfile profile : profiles) {
            ThreadActivity thread = profile.activity();
            FoldedThreads group = groups.get(thread);
            // A group's threads were classified as they exited.
            ThreadClassification classification = group != null
                    ? new ThreadClassification(profile, group.verdict, group.role, group.role.jsonName(), Set.of())
                    : RoleAssigner.assign(profile, ThreadModelClassifier.classify(profile, neighbours),
                    connections.serverConnections(), owners);
            classified.add(classification);
            figures.put(classification, SyscallIoStats.of(thread));
            threadCounts.put(classification, group == null ? 1 : group.threads);
            for (SyscallStats stats : thread.calls.values()) {
                calls.computeIfAbsent(stats.name, SyscallStats::new).addAll(stats);
            }
            if (thread.program != null) {
                program = thread.program;
            }
            boolean leader = group != null ? thread.exit != null : thread.tid == pid;
            if (leader || exit == null) {
                exit = thread.exit;
            }
        }
        ArchitectureVerdict architecture = ArchitectureClassifier.classify(classified,
                (int) Math.min(Integer.MAX_VALUE, members.stream().mapToLong(t -> t.successfulAccepts).sum()),
                facts(members, children));
        return ProcessReportBuilder.build(ReportSource.SYSCALL_LOG,
                ProcessSummary.ofSyscallLog(pid, parentPid, program, exit), 0, classified, architecture,
                new ProcessReportBuilder.Figures() {
                    @Override
                    public IoStats of(ThreadClassification thread) {
                        return figures.get(thread);
                    }

                    @Override
                    public int threadsIn(ThreadClassification thread) {
                        return threadCounts.get(thread);
                    }
                }, List.of(), syscallFigures(calls.values()));
    }

    /** What the log shows of the process beyond its threads: what it started after accepts, its children. */
    private static ProcessFacts facts(List<ThreadActivity> members, List<ProcessReport> children) {
        long accepts = members.stream().mapToLong(t -> t.successfulAccepts).sum();
        long forksAfterAccept = members.stream()
                .mapToLong(t -> t.spawns.stream().anyMatch(s -> !s.thread()) ? t.spawnsAfterAccept : 0).sum();
        long threadsAfterAccept = members.stream()
                .mapToLong(t -> t.spawns.stream().anyMatch(ThreadActivity.Spawn::thread) ? t.spawnsAfterAccept : 0)
                .sum();
        long processForks = members.stream().mapToLong(t -> t.spawns.stream().filter(s -> !s.thread()).count()).sum();
        long childrenAccepting = children.stream()
                .filter(c -> c.groups().stream().anyMatch(g -> g.role() == ThreadRole.EVENT_LOOP
                        || g.role() == ThreadRole.ACCEPTOR))
                .count();
        return new ProcessFacts(accepts, processForks, forksAfterAccept, threadsAfterAccept,
                children.stream().map(ProcessReport::verdict).toList(), childrenAccepting);
    }

    private static List<SyscallFigures> syscallFigures(Iterable<SyscallStats> calls) {
        List<SyscallFigures> figures = new ArrayList<>();
        for (SyscallStats stats : calls) {
            figures.add(stats.figures());
        }
        figures.sort(Comparator.comparingLong(SyscallFigures::totalNanos).reversed()
                .thenComparing(Comparator.comparingLong(SyscallFigures::calls).reversed()));
        return figures;
    }

    private static int pidOf(int tid, Map<Integer, Integer> threadParent) {
        int current = tid;
        for (int guard = 0; guard < 1000; guard++) {
            Integer parent = threadParent.get(current);
            if (parent == null) {
                return current;
            }
            current = parent;
        }
        return current;
    }

    private static int depth(int pid, Map<Integer, Integer> threadParent, Map<Integer, Integer> processParent) {
        int depth = 0;
        Integer current = pid;
        while (depth < 1000 && (current = processParent.get(current)) != null) {
            current = pidOf(current, threadParent);
            depth++;
        }
        return depth;
    }
}
