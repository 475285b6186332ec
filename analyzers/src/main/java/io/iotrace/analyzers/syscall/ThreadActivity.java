package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.syscall.SyscallEvent.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one thread's syscalls showed, in fixed memory per distinct syscall: call statistics plus the
 * sequence facts the classifiers need (what followed an EAGAIN, what followed an accept).
 */
final class ThreadActivity {
    private static final long HALF_DAY_NANOS = 12L * 3600 * 1_000_000_000L;
    private static final long DAY_NANOS = 2 * HALF_DAY_NANOS;

    final int tid;
    /** Where in the logs the thread's first event was: threads are reported in this order. */
    final long firstOrdinal;
    final Map<String, CallStats> calls = new LinkedHashMap<>();
    final Map<String, Long> readinessWaits = new TreeMap<>();
    final Map<String, Long> ioSignals = new TreeMap<>();
    final List<Spawn> spawns = new ArrayList<>();

    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;
    long eagainResults;
    /** EAGAIN results that came with no readiness wait since the previous EAGAIN: busy polling. */
    long eagainRetries;
    /** Waits on exactly the descriptor that just said EAGAIN: a read with a timeout, like the JDK's. */
    long timedBlockingWaits;
    long successfulReads;
    long successfulAccepts;
    long successfulConnects;
    long socketDataCalls;
    long fileDataCalls;
    long asyncSetups;
    long signalWaits;
    long asyncSubmissions;
    long spawnsAfterAccept;
    long fileMmaps;
    long fileMmapBytes;
    String program;
    String exit;

    private SyscallEvent unfinished;
    private long dayOffset;
    private long lastTimeOfDay = Long.MIN_VALUE;
    private int lastEagainFd = -1;
    private boolean waitedSinceEagain = true;
    private boolean acceptedSinceSpawn;

    record Spawn(int child, boolean thread) {
    }

    ThreadActivity(int tid, long firstOrdinal) {
        this.tid = tid;
        this.firstOrdinal = firstOrdinal;
    }

    void accept(SyscallEvent event) {
        long start = time(event);
        switch (event.kind()) {
            case UNFINISHED -> unfinished = event;
            case RESUMED -> {
                SyscallEvent begun = unfinished;
                unfinished = null;
                if (begun != null && begun.name().equals(event.name())) {
                    call(merge(begun, event), begun.startNanos() == SyscallEvent.NO_TIME ? start : time(begun));
                } else {
                    call(event, start);
                }
            }
            case CALL -> call(event, start);
            case SIGNAL -> signal(event);
            case EXIT -> exit = "exited with " + event.result();
            case KILLED -> exit = "killed by " + event.name();
        }
    }

    /** The unfinished half has the arguments, the resumed half the result and the whole duration. */
    private static SyscallEvent merge(SyscallEvent begun, SyscallEvent resumed) {
        return new SyscallEvent(begun.tid(), begun.startNanos(), resumed.durationNanos(), Kind.CALL, begun.name(),
                begun.fd(), begun.fdKind(), resumed.result(), resumed.errno(), resumed.resultFdKind(),
                resumed.has(SyscallEvent.FLAG_SINGLE_FD_WAIT) ? resumed.argument() : begun.argument(),
                begun.text(), begun.flags() | resumed.flags());
    }

    private long time(SyscallEvent event) {
        long start = event.startNanos();
        if (start == SyscallEvent.NO_TIME) {
            return start;
        }
        if (event.has(SyscallEvent.FLAG_TIME_OF_DAY)) {
            // -t and -tt count from midnight: a jump back by more than half a day is the next day.
            if (lastTimeOfDay != Long.MIN_VALUE && start + dayOffset < lastTimeOfDay - HALF_DAY_NANOS) {
                dayOffset += DAY_NANOS;
            }
            start += dayOffset;
            lastTimeOfDay = Math.max(lastTimeOfDay, start);
        }
        firstNanos = Math.min(firstNanos, start);
        lastNanos = Math.max(lastNanos, start);
        return start;
    }

    private void call(SyscallEvent call, long start) {
        String name = call.name();
        CallStats stats = calls.get(name);
        if (stats == null) {
            stats = new CallStats(name);
            calls.put(name, stats);
        }
        stats.record(call, call.durationNanos());
        if (start != SyscallEvent.NO_TIME && call.durationNanos() != SyscallEvent.NO_TIME) {
            lastNanos = Math.max(lastNanos, start + call.durationNanos());
        }
        SyscallCategory category = stats.category;
        boolean eagain = "EAGAIN".equals(call.errno()) || "EWOULDBLOCK".equals(call.errno());
        if (eagain) {
            eagainResults++;
            if (!waitedSinceEagain) {
                eagainRetries++;
            }
            lastEagainFd = call.fd();
            waitedSinceEagain = false;
        }
        switch (category) {
            case READ, WRITE, ZERO_COPY -> dataCall(call, category);
            case ACCEPT -> {
                if (!call.failed() && !call.has(SyscallEvent.FLAG_NO_RESULT)) {
                    successfulAccepts++;
                    acceptedSinceSpawn = true;
                }
            }
            case CONNECT -> {
                if (!call.failed() || "EINPROGRESS".equals(call.errno())) {
                    successfulConnects++;
                }
            }
            case SELECT, POLL, EPOLL_WAIT -> readinessWait(call, name);
            case SIGNAL_WAIT -> {
                signalWaits++;
                waitedSinceEagain = true;
            }
            case IO_URING, LINUX_AIO -> {
                if (name.equals("io_uring_enter") || name.equals("io_submit")) {
                    asyncSubmissions++;
                }
            }
            case CONTROL -> {
                if (call.has(SyscallEvent.FLAG_ASYNC_SETUP) && !call.failed()) {
                    asyncSetups++;
                }
            }
            case SPAWN -> spawn(call);
            case MMAP -> {
                if (call.fd() >= 0 && !call.failed()) {
                    fileMmaps++;
                    fileMmapBytes += call.argument();
                }
            }
            default -> {
                if (name.equals("execve") && !call.failed() && call.text() != null) {
                    program = call.text();
                }
            }
        }
    }

    private void dataCall(SyscallEvent call, SyscallCategory category) {
        if (call.fdKind() == FdKind.SOCKET) {
            socketDataCalls++;
        } else if (call.fdKind() == FdKind.FILE) {
            fileDataCalls++;
        }
        if (category == SyscallCategory.READ && !call.failed()) {
            successfulReads++;
        }
    }

    private void readinessWait(SyscallEvent call, String name) {
        if (!waitedSinceEagain && call.has(SyscallEvent.FLAG_SINGLE_FD_WAIT) && call.argument() == lastEagainFd) {
            timedBlockingWaits++;
        } else {
            readinessWaits.merge(name, 1L, Long::sum);
        }
        waitedSinceEagain = true;
    }

    private void spawn(SyscallEvent call) {
        if (call.failed() || call.has(SyscallEvent.FLAG_NO_RESULT) || call.result() <= 0) {
            return;
        }
        spawns.add(new Spawn((int) call.result(), call.has(SyscallEvent.FLAG_CLONE_THREAD)));
        if (acceptedSinceSpawn) {
            spawnsAfterAccept++;
            acceptedSinceSpawn = false;
        }
    }

    private void signal(SyscallEvent signal) {
        time(signal);
        String name = signal.name();
        if (name.equals("SIGIO") || name.equals("SIGPOLL") || name.startsWith("SIGRT")) {
            ioSignals.merge(name, 1L, Long::sum);
            waitedSinceEagain = true;
        }
    }

    long readinessWaitCount() {
        return readinessWaits.values().stream().mapToLong(Long::longValue).sum();
    }

    long callsOf(SyscallCategory category) {
        long n = 0;
        for (CallStats stats : calls.values()) {
            if (stats.category == category) {
                n += stats.calls;
            }
        }
        return n;
    }

    long calls(String name) {
        CallStats stats = calls.get(name);
        return stats == null ? 0 : stats.calls;
    }

    long totalCalls() {
        long n = 0;
        for (CallStats stats : calls.values()) {
            n += stats.calls;
        }
        return n;
    }

    long dataCalls() {
        return callsOf(SyscallCategory.READ) + callsOf(SyscallCategory.WRITE) + callsOf(SyscallCategory.ZERO_COPY);
    }

    CopyFigures copies() {
        long readCalls = 0, readBytes = 0, writeCalls = 0, writeBytes = 0, zeroCalls = 0, zeroBytes = 0;
        for (CallStats stats : calls.values()) {
            switch (stats.category) {
                case READ -> {
                    readCalls += stats.calls;
                    readBytes += stats.bytes;
                }
                case WRITE -> {
                    writeCalls += stats.calls;
                    writeBytes += stats.bytes;
                }
                case ZERO_COPY -> {
                    zeroCalls += stats.calls;
                    zeroBytes += stats.bytes;
                }
                default -> {
                }
            }
        }
        return new CopyFigures(readCalls, readBytes, writeCalls, writeBytes, zeroCalls, zeroBytes, fileMmaps,
                fileMmapBytes);
    }
}
