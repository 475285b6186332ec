package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;

import java.util.List;

/** Decides how a process serves its connections, from its threads and its child processes; first match wins. */
final class ArchitectureClassifier {

    /** A process's facts as the classifier needs them. */
    record ProcessFacts(List<ThreadActivity> threads, List<ThreadReport> threadReports, List<Verdict> children,
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

    private ArchitectureClassifier() {
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
        long eventLoops = p.threadsWith(ThreadRole.EVENT_LOOP);
        if (eventLoops >= 2 && accepts > 0) {
            return new Decision(Architecture.MULTI_EVENT_LOOP, List.of(
                    eventLoops + " event-loop threads, " + accepts + " accepts"));
        }
        if (eventLoops == 1 && accepts > 0) {
            long handlers = p.threadsWith(ThreadRole.CONNECTION_HANDLER) + p.threadsWith(ThreadRole.WORKER);
            if (handlers > 0) {
                return new Decision(Architecture.EVENT_LOOP_WITH_WORKER_POOL, List.of(
                        "1 event-loop thread, " + handlers + " threads doing blocking socket I/O"));
            }
            return new Decision(Architecture.SINGLE_EVENT_LOOP, List.of(
                    "1 event-loop thread accepts and serves " + accepts + " connections"));
        }
        if (accepts > 0) {
            return new Decision(Architecture.NONE, List.of(
                    accepts + " connections accepted and served one at a time, no thread or process per connection"));
        }
        return new Decision(Architecture.NONE, List.of("accepts no connections"));
    }
}
