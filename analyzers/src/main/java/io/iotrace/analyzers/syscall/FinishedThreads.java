package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Loops;
import io.iotrace.analyzers.model.RoleAssigner;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.ThreadModelClassifier;
import io.iotrace.analyzers.model.Verdict;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The threads that exited, and which process each thread belongs to, so that memory does not grow with the
 * threads that ever lived: beyond the {@value #KEPT_WHOLE} busiest, an exited thread is folded into its process's
 * group of threads with the same role, model and mechanism ({@link FoldedThreads}).
 *
 * <p>The partitions hand over spawns and exits as they add events up, each at its own pace; {@link #settle} runs
 * on the thread that reads the log, once every partition has added up to a point of the log, and takes the spawns
 * in log order up to that point. A thread may be folded once the clone that started it is taken; one whose clone
 * is not, a whole batch later (the clone may return, and be printed, after the thread's first lines), stays whole:
 * nothing tells which process it belongs to.
 */
final class FinishedThreads {
    /** Exited threads kept one by one, the busiest: every corpus log has fewer threads, so its report is whole. */
    static final int KEPT_WHOLE = 512;

    private record Spawned(int parent, ThreadActivity.Spawn spawn) {
    }

    private record Kept(ThreadActivity thread, long calls) {
    }

    private final ConcurrentLinkedQueue<Spawned> spawnedQueue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ThreadActivity> exitedQueue = new ConcurrentLinkedQueue<>();
    private final List<Spawned> spawnsAhead = new ArrayList<>();
    private final List<ThreadActivity> exitsAhead = new ArrayList<>();
    /**
     * Least busy first, and of two as busy the one that appeared first: the partitions hand exited threads over in
     * an order that varies from run to run, and which of two equals is folded must not (it changes the report).
     */
    private final PriorityQueue<Kept> kept = new PriorityQueue<>(Comparator.comparingLong(Kept::calls)
            .thenComparingLong(k -> k.thread().firstOrdinal));
    private final List<ThreadActivity> unplaced = new ArrayList<>();
    /** The process of each thread a CLONE_THREAD clone started and that is not folded yet. */
    private final Map<Integer, Integer> processOfThread = new HashMap<>();
    /** The process that started each process (fork, vfork, clone without CLONE_THREAD). */
    private final Map<Integer, Integer> processParent = new HashMap<>();
    private final Map<Integer, Map<List<Object>, FoldedThreads>> groups = new LinkedHashMap<>();

    /** From a partition: {@code parent} started a thread or process. */
    void spawned(int parent, ThreadActivity.Spawn spawn) {
        spawnedQueue.add(new Spawned(parent, spawn));
    }

    /** From a partition: the thread exited and gets no more events. */
    void exited(ThreadActivity thread) {
        exitedQueue.add(thread);
    }

    /**
     * Takes the spawns before {@code addedUpTo} (every partition has added up the events before it) and folds,
     * beyond the busiest, the threads that exited before it and whose start was taken, and those that exited
     * before {@code foldBefore}.
     */
    void settle(long addedUpTo, long foldBefore) {
        for (Spawned s; (s = spawnedQueue.poll()) != null; ) {
            spawnsAhead.add(s);
        }
        spawnsAhead.sort(Comparator.comparingLong(s -> s.spawn().ordinal()));
        int applied = 0;
        while (applied < spawnsAhead.size() && spawnsAhead.get(applied).spawn().ordinal() < addedUpTo) {
            apply(spawnsAhead.get(applied++));
        }
        spawnsAhead.subList(0, applied).clear();
        for (ThreadActivity t; (t = exitedQueue.poll()) != null; ) {
            exitsAhead.add(t);
        }
        exitsAhead.removeIf(thread -> {
            boolean placed = processOfThread.containsKey(thread.tid) || processParent.containsKey(thread.tid);
            if (thread.exitOrdinal >= (placed ? addedUpTo : foldBefore)) {
                return false;
            }
            thread.compact();
            kept.add(new Kept(thread, thread.totalCalls()));
            return true;
        });
        while (kept.size() > KEPT_WHOLE) {
            fold(kept.poll().thread());
        }
    }

    /** Takes every spawn and exit handed over; the log is read. */
    void settleAll() {
        settle(Long.MAX_VALUE, Long.MIN_VALUE);
        for (ThreadActivity t : exitsAhead) {
            t.compact();
            kept.add(new Kept(t, t.totalCalls()));
        }
        exitsAhead.clear();
    }

    private void apply(Spawned s) {
        int pid = processOfThread.getOrDefault(s.parent(), s.parent());
        if (s.spawn().thread()) {
            processOfThread.put(s.spawn().child(), pid);
        } else {
            processParent.put(s.spawn().child(), pid);
        }
    }

    private void fold(ThreadActivity thread) {
        Integer pid = processOfThread.remove(thread.tid);
        if (pid == null) {
            if (!processParent.containsKey(thread.tid)) {
                unplaced.add(thread);
                return;
            }
            pid = thread.tid;
        }
        Alone alone = thread.alone;
        int process = pid;
        FoldedThreads group = groups.computeIfAbsent(process, p -> new LinkedHashMap<>())
                .computeIfAbsent(List.of(alone.role(), alone.verdict().model(),
                                String.valueOf(alone.verdict().mechanism())),
                        key -> new FoldedThreads(process, alone.role(), alone.verdict(), thread));
        group.add(thread, thread.tid == process);
    }

    /** What an exited thread is alone, the group it folds into: see {@link #classifyAlone}. */
    record Alone(Verdict verdict, ThreadRole role) {
    }

    /**
     * Classifies a thread that just exited by itself, on the partition's worker that added its last call, so that
     * the reading thread, which folds, only adds it up: classifying each exited thread was most of the reading
     * thread's work on a log of short-lived threads, and on one core. Alone, because what the rest of its process
     * does is not settled yet: a connection it did not start itself counts as one the process accepted, and no
     * loop of the process is known.
     */
    static Alone classifyAlone(ThreadActivity thread) {
        BitSet nonBlocking = DescriptorModes.nonBlockingIn(List.of(thread));
        SyscallConnections connections = SyscallConnections.alone(thread);
        SyscallThreadProfile profile = new SyscallThreadProfile(thread, nonBlocking,
                connections.of(thread.tid, thread, nonBlocking));
        Verdict verdict = ThreadModelClassifier.classify(profile,
                SyscallNeighbours.alone(thread.asyncSetups, Map.of()));
        Set<Integer> server = new HashSet<>(profile.connectionsTouched());
        server.removeAll(profile.connectionsOpened());
        server.addAll(profile.accepted());
        ThreadRole role = RoleAssigner.assign(profile, verdict, server, Loops.of(Map.of(profile, verdict), null))
                .role();
        return new Alone(verdict, role);
    }

    /** The exited threads kept one by one. */
    List<ThreadActivity> whole() {
        List<ThreadActivity> whole = new ArrayList<>(unplaced);
        kept.forEach(k -> whole.add(k.thread()));
        whole.addAll(exitsAhead);
        return whole;
    }

    List<FoldedThreads> groups() {
        List<FoldedThreads> all = new ArrayList<>();
        groups.values().forEach(byKey -> all.addAll(byKey.values()));
        return all;
    }

    /** Adds what the spawns settled so far show: each started thread's process, each started process's parent. */
    void addParents(Map<Integer, Integer> threadParent, Map<Integer, Integer> processParents) {
        processOfThread.forEach(threadParent::putIfAbsent);
        processParent.forEach(processParents::putIfAbsent);
    }
}
