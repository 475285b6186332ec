package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up syscall events per thread as they stream by, then groups threads into processes (from the clone and
 * fork results) and classifies them. Relies only on per-thread order, which every strace mode keeps (even
 * {@code -z}/{@code -Z}, whose lines are out of time order across threads).
 */
public final class SyscallAggregator implements SyscallEventSink {
    private final Map<Integer, ThreadActivity> threads = new LinkedHashMap<>();
    private ThreadActivity last;
    private long events;

    @Override
    public void accept(SyscallEvent event) {
        events++;
        ThreadActivity thread = last;
        if (thread == null || thread.tid != event.tid()) {
            thread = threads.computeIfAbsent(event.tid(), ThreadActivity::new);
            last = thread;
        }
        thread.accept(event);
    }

    public long events() {
        return events;
    }

    /** Builds the report for everything seen so far. */
    public SyscallReport report(List<String> files, long lines, ParseProblems problems) {
        Map<Integer, Integer> threadParent = new HashMap<>();
        Map<Integer, Integer> processParent = new HashMap<>();
        for (ThreadActivity thread : threads.values()) {
            for (ThreadActivity.Spawn spawn : thread.spawns) {
                (spawn.thread() ? threadParent : processParent).put(spawn.child(), thread.tid);
            }
        }
        Map<Integer, List<ThreadActivity>> byProcess = new LinkedHashMap<>();
        for (ThreadActivity thread : threads.values()) {
            byProcess.computeIfAbsent(pidOf(thread.tid, threadParent), pid -> new ArrayList<>()).add(thread);
        }
        // Children first, so a parent's architecture can look at its children's verdicts.
        Map<Integer, ProcessReport> reports = new HashMap<>();
        List<Integer> pids = new ArrayList<>(byProcess.keySet());
        pids.sort(Comparator.comparingInt((Integer pid) -> depth(pid, threadParent, processParent)).reversed());
        for (int pid : pids) {
            Integer forker = processParent.get(pid);
            int parentPid = forker == null ? 0 : pidOf(forker, threadParent);
            List<ProcessReport> children = new ArrayList<>();
            for (Map.Entry<Integer, Integer> child : processParent.entrySet()) {
                if (pidOf(child.getValue(), threadParent) == pid && reports.containsKey(child.getKey())) {
                    children.add(reports.get(child.getKey()));
                }
            }
            reports.put(pid, process(pid, parentPid, byProcess.get(pid), children));
        }
        List<ProcessReport> ordered = new ArrayList<>();
        for (int pid : byProcess.keySet()) {
            ordered.add(reports.get(pid));
        }
        return new SyscallReport(List.copyOf(files), lines, events, problems.skippedLines(), problems.warnings(),
                inheritArchitecture(ordered));
    }

    /** A forked child serving one connection, or a worker of a multi-process server, shares its parent's design. */
    private static List<ProcessReport> inheritArchitecture(List<ProcessReport> processes) {
        Map<Integer, ProcessReport> byPid = new HashMap<>();
        processes.forEach(p -> byPid.put(p.pid(), p));
        List<ProcessReport> result = new ArrayList<>();
        for (ProcessReport p : processes) {
            ProcessReport parent = byPid.get(p.parentPid());
            boolean inherits = parent != null
                    && (parent.architecture() == Architecture.MULTI_PROCESS_EVENT_LOOP
                    || parent.architecture() == Architecture.PROCESS_PER_CONNECTION
                    && p.architecture() == Architecture.NONE);
            if (inherits) {
                List<String> evidence = List.of("a child of process " + parent.pid() + ", which is "
                        + parent.architecture());
                p = new ProcessReport(p.pid(), p.parentPid(), p.program(), p.verdict(), parent.architecture(),
                        evidence, p.copies(), p.waits(), p.threads(), p.exit());
            }
            result.add(p);
        }
        return result;
    }

    private ProcessReport process(int pid, int parentPid, List<ThreadActivity> members, List<ProcessReport> children) {
        long asyncSetups = members.stream().mapToLong(t -> t.asyncSetups).sum();
        List<ThreadReport> threadReports = new ArrayList<>();
        Map<String, CallStats> waits = new LinkedHashMap<>();
        CopyFigures copies = CopyFigures.NONE;
        String program = null;
        String exit = null;
        ThreadActivity busiest = null;
        ModelVerdict busiestVerdict = null;
        for (ThreadActivity thread : members) {
            ModelVerdict verdict = ThreadModelClassifier.classify(thread, asyncSetups);
            ThreadRole role = ThreadModelClassifier.role(thread, verdict.model());
            threadReports.add(new ThreadReport(thread.tid, verdict, role, thread.totalCalls(), thread.copies(),
                    waitFigures(thread.calls.values())));
            copies = copies.plus(thread.copies());
            for (CallStats stats : thread.calls.values()) {
                waits.computeIfAbsent(stats.name, CallStats::new).addAll(stats);
            }
            if (thread.program != null) {
                program = thread.program;
            }
            if (thread.tid == pid || exit == null) {
                exit = thread.exit;
            }
            if (verdict.model() != IoModel.NONE && (busiest == null || weight(thread) > weight(busiest))) {
                busiest = thread;
                busiestVerdict = verdict;
            }
        }
        if (busiestVerdict == null) {
            busiestVerdict = threadReports.get(0).verdict();
        }
        long childrenAccepting = children.stream()
                .filter(c -> c.threads().stream().anyMatch(t -> t.role() == ThreadRole.EVENT_LOOP
                        || t.role() == ThreadRole.ACCEPTOR))
                .count();
        ArchitectureClassifier.Verdict architecture = ArchitectureClassifier.classify(
                new ArchitectureClassifier.ProcessFacts(members, threadReports,
                        children.stream().map(ProcessReport::verdict).toList(), childrenAccepting));
        return new ProcessReport(pid, parentPid, program, busiestVerdict, architecture.architecture(),
                architecture.evidence(), copies, waitFigures(waits.values()), threadReports, exit);
    }

    /** Socket traffic says more about a process's model than file I/O or waits. */
    private static long weight(ThreadActivity thread) {
        return thread.socketDataCalls * 4 + thread.dataCalls() + thread.successfulAccepts + thread.readinessWaitCount();
    }

    private static List<WaitFigures> waitFigures(Iterable<CallStats> calls) {
        List<WaitFigures> figures = new ArrayList<>();
        for (CallStats stats : calls) {
            figures.add(stats.waitFigures());
        }
        figures.sort(Comparator.comparingLong(WaitFigures::totalNanos).reversed()
                .thenComparing(Comparator.comparingLong(WaitFigures::calls).reversed()));
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
