package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.LoopRules;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Decides how a process serves its connections, from its threads and its child processes; first match wins. */
final class SyscallArchitectureClassifier {

    /** A process's facts as the classifier needs them. */
    record ProcessFacts(List<ThreadActivity> threads, List<SyscallThreadReport> threadReports, List<Verdict> children,
                        long childrenAccepting) {
        long sum(java.util.function.ToLongFunction<ThreadActivity> figure) {
            return threads.stream().mapToLong(figure).sum();
        }

        long threadsWith(ThreadRole role) {
            return threadReports.stream().filter(t -> t.role() == role).count();
        }
    }

    record Decision(Architecture architecture, List<String> evidence) {
    }

    private SyscallArchitectureClassifier() {
    }

    /**
     * How many event loops the event-loop threads run: one per epoll descriptor, however many threads take turns
     * waiting on it, and one per thread that waits in poll or select (those have no descriptor to share).
     */
    private static int loops(ProcessFacts p) {
        Set<Integer> descriptors = new HashSet<>();
        int withoutDescriptor = 0;
        for (int i = 0; i < p.threads().size(); i++) {
            ThreadActivity thread = p.threads().get(i);
            if (p.threadReports().get(i).role() != ThreadRole.EVENT_LOOP
                    || !LoopRules.waitsLikeALoop(thread.readinessWaitCount())) {
                continue;
            }
            if (thread.epollDescriptors.isEmpty()) {
                withoutDescriptor++;
            } else {
                descriptors.addAll(thread.epollDescriptors);
            }
        }
        return descriptors.size() + withoutDescriptor;
    }

    static Decision classify(ProcessFacts p) {
        long accepts = p.sum(t -> t.successfulAccepts);
        long forksAfterAccept = p.threads().stream()
                .mapToLong(t -> t.spawns.stream().anyMatch(s -> !s.thread()) ? t.spawnsAfterAccept : 0).sum();
        long threadsAfterAccept = p.threads().stream()
                .mapToLong(t -> t.spawns.stream().anyMatch(ThreadActivity.Spawn::thread) ? t.spawnsAfterAccept : 0)
                .sum();
        long processForks = p.sum(t -> t.spawns.stream().filter(s -> !s.thread()).count());
        if (accepts > 0 && forksAfterAccept * 2 >= accepts && processForks > 0) {
            return new Decision(Architecture.PROCESS_PER_CONNECTION, List.of(
                    accepts + " accepted connections, " + forksAfterAccept + " child processes forked right after one"));
        }
        long multiplexingChildren = p.children().stream().filter(v -> v.model() == IoModel.MULTIPLEXING).count();
        if (multiplexingChildren >= 2 && p.childrenAccepting() >= 2) {
            return new Decision(Architecture.MULTI_PROCESS_EVENT_LOOP, List.of(
                    multiplexingChildren + " child processes run event loops, " + p.childrenAccepting()
                            + " of them accept connections"));
        }
        if (accepts > 0 && threadsAfterAccept * 2 >= accepts) {
            return new Decision(Architecture.THREAD_PER_CONNECTION, List.of(
                    accepts + " accepted connections, " + threadsAfterAccept + " threads started right after one",
                    p.threadsWith(ThreadRole.CONNECTION_HANDLER) + " connection-handler threads"));
        }
        long completionHandlers = p.threadsWith(ThreadRole.COMPLETION_HANDLER);
        if (completionHandlers > 0 && accepts > 0) {
            return new Decision(Architecture.ASYNC_COMPLETION_HANDLERS, List.of(
                    completionHandlers + " threads submit asynchronous operations, " + accepts + " accepts"));
        }
        int loops = loops(p);
        // Threads that read and write the loops' connections without waiting for them are the loops' workers,
        // whether or not their descriptors ever said EAGAIN.
        long workers = p.threadsWith(ThreadRole.WORKER) + p.threadsWith(ThreadRole.CONNECTION_HANDLER);
        long threadsOnLoops = IntStream.range(0, p.threads().size())
                .filter(i -> p.threadReports().get(i).role() == ThreadRole.EVENT_LOOP
                        && LoopRules.waitsLikeALoop(p.threads().get(i).readinessWaitCount())).count();
        String runBy = threadsOnLoops > loops ? ", waited on by " + threadsOnLoops + " threads in turn" : "";
        if (loops >= 2 && accepts > 0) {
            return new Decision(workers > 0 ? Architecture.MULTI_EVENT_LOOP_WITH_WORKER_POOL
                    : Architecture.MULTI_EVENT_LOOP, List.of(loops + " event loops (epoll descriptors or poll/select"
                    + " threads)" + runBy + ", " + accepts + " accepts", workers + " worker threads"));
        }
        if (loops == 1 && accepts > 0) {
            // A loop whose waits pool threads take in turn, serving the connections in between, is a pool's.
            if (workers > 0 || threadsOnLoops > 1) {
                return new Decision(Architecture.EVENT_LOOP_WITH_WORKER_POOL, List.of("1 event loop" + runBy + ", "
                        + (workers + threadsOnLoops - 1) + " threads doing socket I/O on its connections"));
            }
            return new Decision(Architecture.SINGLE_EVENT_LOOP, List.of(
                    "1 event loop" + runBy + " accepts and serves " + accepts + " connections"));
        }
        if (accepts > 0) {
            return new Decision(Architecture.NONE, List.of(
                    accepts + " connections accepted and served one at a time, no thread or process per connection"));
        }
        return new Decision(Architecture.NONE, List.of("accepts no connections"));
    }
}
