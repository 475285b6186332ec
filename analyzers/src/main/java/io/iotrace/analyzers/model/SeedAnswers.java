package io.iotrace.analyzers.model;

import io.iotrace.analyzers.stats.CopyStats;
import io.iotrace.analyzers.stats.Units;

/**
 * The seed questions answered for one thread group: how it waits while data is arriving, who is notified, and
 * how the data gets to user space.
 *
 * @param howItWaits    blocks in read / polls / waits in the selector / is called back on completion
 * @param whoIsNotified who learns that data is there
 * @param howDataMoves  kernel→heap copies, JDK temporary direct-buffer copies, zero-copy, with bytes
 */
public record SeedAnswers(String howItWaits, String whoIsNotified, String howDataMoves) {

    public static SeedAnswers of(ThreadRole role, Verdict verdict, boolean virtual, CopyStats copies) {
        return new SeedAnswers(howItWaits(role, verdict, virtual), whoIsNotified(role, verdict, virtual),
                howDataMoves(copies));
    }

    private static String howItWaits(ThreadRole role, Verdict v, boolean virtual) {
        String mechanism = v.mechanism() == null ? "" : " (" + v.mechanism() + ")";
        return switch (v.model()) {
            case BLOCKING -> {
                if (role == ThreadRole.WORKER) {
                    yield "does not wait for data: it reads in blocking mode once the event loop hands it a ready"
                            + " connection";
                }
                String call = role == ThreadRole.ACCEPTOR ? "accept" : "read";
                yield virtual ? "blocks in " + call + "; the JDK parks the virtual thread and frees its carrier"
                        : "blocks in " + call + " (the kernel puts the thread to sleep)";
            }
            case NON_BLOCKING_POLLING -> "polls: retries non-blocking calls that return nothing";
            case MULTIPLEXING -> role == ThreadRole.WORKER ? "does not wait: the event loop waits for it"
                    : "waits in the selector" + mechanism;
            case SIGNAL_DRIVEN -> "waits for a signal";
            case ASYNC -> role == ThreadRole.COMPLETION_HANDLER ? "is called back on completion" + mechanism
                    : "does not wait: it submits the operation and goes on";
            case NONE -> "does not wait for I/O";
        };
    }

    private static String whoIsNotified(ThreadRole role, Verdict v, boolean virtual) {
        return switch (v.model()) {
            case BLOCKING -> role == ThreadRole.WORKER ? "the event loop, whose selector sees the connection ready"
                    : virtual ? "the JDK's poller, which unparks the virtual thread"
                    : role == ThreadRole.ACCEPTOR ? "this thread: the kernel wakes it when a connection arrives"
                    : "this thread: the kernel wakes it when data arrives";
            case NON_BLOCKING_POLLING -> "nobody: the thread finds out by retrying";
            case MULTIPLEXING -> role == ThreadRole.WORKER ? "the event loop, which hands the work to this thread"
                    : "this thread: the selector returns the ready channels";
            case SIGNAL_DRIVEN -> "the process, by a signal";
            case ASYNC -> role != ThreadRole.COMPLETION_HANDLER ? "not this thread: another thread runs the completion"
                    : v.mechanism() == Mechanism.THREAD_POOL
                    ? "a pool thread, after its blocking I/O finished, runs the completion handler"
                    : v.mechanism() == Mechanism.IO_URING
                    ? "this thread: it reaps the completions from its own ring and runs their handlers"
                    : "a thread of the channel group's epoll port runs the completion handler";
            case NONE -> "nobody";
        };
    }

    private static String howDataMoves(CopyStats c) {
        if (c.bytesDelivered() == 0 && c.mappedBytes() == 0) {
            return "no bytes moved";
        }
        StringBuilder s = new StringBuilder();
        s.append(c.kernelUserCopies()).append(" kernel↔user copies (").append(Units.bytes(c.kernelUserBytes()))
                .append(")");
        if (c.jdkCopies() > 0) {
            s.append(" + ").append(c.jdkCopies()).append(" JDK temporary direct-buffer copies (")
                    .append(Units.bytes(c.jdkCopyBytes())).append(")");
        }
        if (c.zeroCopyTransfers() > 0) {
            s.append(", ").append(Units.bytes(c.zeroCopyBytes())).append(" zero-copy in ").append(c.zeroCopyTransfers())
                    .append(" transfers");
        }
        if (c.mappings() > 0) {
            s.append(", ").append(Units.bytes(c.mappedBytes())).append(" mapped");
        }
        s.append(String.format(java.util.Locale.ROOT, ": %.2f copies per byte", c.copiesPerByte()));
        return s.toString();
    }
}
