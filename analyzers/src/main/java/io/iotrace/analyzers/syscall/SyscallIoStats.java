package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.stats.IoStats;
import io.iotrace.analyzers.stats.LogHistogram;
import io.iotrace.analyzers.stats.WaitKind;

/**
 * A thread's syscalls as the figures a recording's thread has, so that both sources share one report. A syscall
 * log cannot tell a blocking call from a non-blocking one by itself, so every timed call of a kind counts as a wait
 * of that kind; every read or write that moved bytes is one kernel↔user copy, and there are no JDK copies (the log
 * shows no Java buffers).
 */
final class SyscallIoStats {
    private SyscallIoStats() {
    }

    static IoStats of(ThreadActivity thread) {
        IoStats io = new IoStats();
        io.addCounted(thread.totalCalls(), thread.firstNanos, thread.lastNanos);
        long copies = 0, copiedBytes = 0, zeroCopies = 0, zeroCopyBytes = 0;
        for (SyscallStats stats : thread.calls.values()) {
            WaitKind kind = kindOf(stats.category);
            if (kind != null) {
                io.counted(kind).addCounted(stats.calls, 0, stats.bytes, stats.durations());
            }
            if (stats.category == SyscallCategory.READ || stats.category == SyscallCategory.WRITE) {
                copies += stats.movingCalls;
                copiedBytes += stats.bytes;
            } else if (stats.category == SyscallCategory.ZERO_COPY) {
                zeroCopies += stats.movingCalls;
                zeroCopyBytes += stats.bytes;
            }
        }
        if (thread.eagainResults > 0) {
            io.counted(WaitKind.WOULD_BLOCK).addCounted(thread.eagainResults, 0, 0, new LogHistogram());
        }
        io.copies().addCounted(copies, copiedBytes, zeroCopies, zeroCopyBytes, thread.fileMmaps,
                thread.fileMmapBytes);
        return io;
    }

    /** The recording's kind of call a syscall counts under, or null for calls that are neither waits nor copies. */
    private static WaitKind kindOf(SyscallCategory category) {
        return switch (category) {
            case READ -> WaitKind.READ;
            case WRITE -> WaitKind.WRITE;
            case ZERO_COPY -> WaitKind.TRANSFER;
            case ACCEPT -> WaitKind.ACCEPT;
            case CONNECT -> WaitKind.CONNECT;
            case SELECT, POLL, EPOLL_WAIT -> WaitKind.SELECT;
            default -> null;
        };
    }
}
