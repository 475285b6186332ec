package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.FdKind;
import io.iotrace.analyzers.event.SyscallCategory;
import io.iotrace.analyzers.event.SyscallEvent;
import io.iotrace.analyzers.event.SyscallEventBatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    final Map<String, SyscallStats> calls = new LinkedHashMap<>();
    final Map<String, Long> readinessWaits = new TreeMap<>();
    /**
     * The readiness waits of {@link #readinessWaits} added up: asked many times per thread by the classifiers, and
     * summed with a stream each time it was most of what folding an exited thread cost.
     */
    private long readinessWaitTotal;
    final Map<String, Long> ioSignals = new TreeMap<>();
    final List<Spawn> spawns = new ArrayList<>();

    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;
    long eagainResults;
    /**
     * EAGAIN results that came right after another, with no readiness wait and no call that moved data between:
     * busy polling. An event loop that reads each ready descriptor until EAGAIN has a success between two.
     */
    long eagainRetries;
    /** Waits on exactly the descriptor that just said EAGAIN: a read with a timeout, like the JDK's. */
    long timedBlockingWaits;
    long successfulReads;
    /** The network calls per descriptor, and which descriptors showed they are in non-blocking mode. */
    final DescriptorModes descriptors = new DescriptorModes();
    /** Where the thread started sockets and moved data on them: the connections it served, accepted, opened. */
    final ConnectionTrail connections = new ConnectionTrail();
    /** Descriptors the readiness waits found ready. */
    long readyDescriptors;
    long successfulAccepts;
    long successfulConnects;
    long socketDataCalls;
    long fileDataCalls;
    long asyncSetups;
    long signalWaits;
    long spawnsAfterAccept;
    long fileMmaps;
    long futexCalls;
    long fileMmapBytes;
    String program;
    String exit;
    /** Where in the logs the thread exited, or -1 while it runs. */
    long exitOrdinal = -1;
    /** Once it exited: what it is by itself, the group it folds into ({@link FinishedThreads#classifyAlone}). */
    FinishedThreads.Alone alone;

    /**
     * The {@code <unfinished ...>} half of a call waiting for its resumed half, or null: its fields as they are,
     * since a thread of an interleaved log has such a half open most of the time.
     */
    private String unfinishedName;
    private long unfinishedStart;
    private int unfinishedFd;
    private FdKind unfinishedFdKind;
    private long unfinishedArgument;
    private String unfinishedText;
    private int unfinishedFlags;
    private long dayOffset;
    private long lastTimeOfDay = Long.MIN_VALUE;
    private int lastEagainFd = -1;
    /** Nothing but waits on {@link #lastEagainFd} alone since it said EAGAIN: a read with a timeout, so far. */
    private boolean awaitingEagainFd;
    /** The epoll descriptors this thread waited on: a loop is one descriptor, whichever threads wait on it. */
    final Set<Integer> epollDescriptors = new TreeSet<>();
    /** A readiness wait, or a call that moved data, came after the last EAGAIN: the next EAGAIN is no retry. */
    private boolean settledSinceEagain = true;
    private boolean acceptedSinceSpawn;
    /** The ordinal of the event being added. */
    private long ordinal;

    /** @param ordinal where in the logs the call that started the child returned */
    record Spawn(int child, boolean thread, long ordinal) {
    }

    ThreadActivity(int tid, long firstOrdinal) {
        this.tid = tid;
        this.firstOrdinal = firstOrdinal;
    }

    /** Adds event {@code i} of a batch, the {@code ordinal}-th of the logs. */
    void accept(SyscallEventBatch events, int i, long ordinal) {
        this.ordinal = ordinal;
        long start = time(events.startNanos(i), events.flags(i));
        switch (events.kind(i)) {
            case UNFINISHED -> {
                unfinishedName = events.name(i);
                unfinishedStart = events.startNanos(i);
                unfinishedFd = events.fd(i);
                unfinishedFdKind = events.fdKind(i);
                unfinishedArgument = events.argument(i);
                unfinishedText = events.text(i);
                unfinishedFlags = events.flags(i);
            }
            case RESUMED -> resumed(events, i, start);
            case CALL -> call(events.name(i), events.fd(i), events.fdKind(i), events.result(i), events.errno(i),
                    events.argument(i), events.text(i), events.flags(i), events.durationNanos(i), start);
            case SIGNAL -> signal(events.name(i));
            case EXIT -> exited("exited with " + events.result(i), ordinal);
            case KILLED -> exited("killed by " + events.name(i), ordinal);
        }
    }

    /** The unfinished half has the arguments, the resumed half the result and the whole duration. */
    private void resumed(SyscallEventBatch events, int i, long start) {
        String begun = unfinishedName;
        unfinishedName = null;
        if (begun == null || !begun.equals(events.name(i))) {
            call(events.name(i), events.fd(i), events.fdKind(i), events.result(i), events.errno(i),
                    events.argument(i), events.text(i), events.flags(i), events.durationNanos(i), start);
            return;
        }
        long begunStart = unfinishedStart == SyscallEvent.NO_TIME ? start : time(unfinishedStart, unfinishedFlags);
        int resumedFlags = events.flags(i);
        long argument = (resumedFlags & SyscallEvent.FLAG_SINGLE_FD_WAIT) != 0 ? events.argument(i)
                : unfinishedArgument;
        call(begun, unfinishedFd, unfinishedFdKind, events.result(i), events.errno(i), argument, unfinishedText,
                unfinishedFlags | resumedFlags, events.durationNanos(i), begunStart);
        unfinishedText = null;
    }

    private long time(long start, int flags) {
        if (start == SyscallEvent.NO_TIME) {
            return start;
        }
        if ((flags & SyscallEvent.FLAG_TIME_OF_DAY) != 0) {
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

    /**
     * Adds one call. Kept small, with the calls most lines are (data, futex) handled here and the rest in
     * {@link #otherCall}: inlined whole into the partitions' loop, it was tens of kilobytes of machine code that
     * the compiler took seconds to build, again after each deoptimization, while the parse ran.
     */
    private void call(String name, int fd, FdKind fdKind, long result, String errno, long argument, String text,
                      int flags, long duration, long start) {
        SyscallStats stats = calls.get(name);
        if (stats == null) {
            stats = firstCallOf(name);
        }
        boolean failed = errno != null;
        boolean noResult = (flags & SyscallEvent.FLAG_NO_RESULT) != 0;
        stats.record(failed, result, noResult, duration);
        if (start != SyscallEvent.NO_TIME && duration != SyscallEvent.NO_TIME) {
            lastNanos = Math.max(lastNanos, start + duration);
        }
        SyscallCategory category = stats.category;
        descriptors.count(fd, fdKind, category, duration);
        if (failed) {
            failed(fd, fdKind, errno, category);
        }
        switch (category) {
            case READ, WRITE, ZERO_COPY -> dataCall(fd, fdKind, failed, category);
            case FUTEX -> futexCalls++;
            default -> otherCall(category, name, fd, fdKind, result, failed, noResult, errno, argument, text, flags);
        }
    }

    private SyscallStats firstCallOf(String name) {
        SyscallStats stats = new SyscallStats(name);
        calls.put(name, stats);
        return stats;
    }

    private void failed(int fd, FdKind fdKind, String errno, SyscallCategory category) {
        if (isWouldBlock(errno) && category.isNonBlockingEvidence() && fdKind.carriesStreams()) {
            eagainResults++;
            descriptors.saidWouldBlock(fd);
            if (!settledSinceEagain) {
                eagainRetries++;
            }
            lastEagainFd = fd;
            awaitingEagainFd = true;
            settledSinceEagain = false;
        }
    }

    private void otherCall(SyscallCategory category, String name, int fd, FdKind fdKind, long result, boolean failed,
                           boolean noResult, String errno, long argument, String text, int flags) {
        switch (category) {
            case ACCEPT -> {
                if (!failed && !noResult) {
                    settledSinceEagain = true;
                    successfulAccepts++;
                    acceptedSinceSpawn = true;
                    connections.started(ConnectionTrail.ACCEPTED, (int) result, ordinal);
                }
            }
            case CONNECT -> {
                if (!failed || "EINPROGRESS".equals(errno)) {
                    successfulConnects++;
                    connections.started(ConnectionTrail.CONNECTED, fd, ordinal);
                }
            }
            case OPEN -> {
                if (!failed && !noResult && name.equals("socket")) {
                    connections.started(ConnectionTrail.CREATED, (int) result, ordinal);
                }
            }
            case SELECT, POLL, EPOLL_WAIT -> readinessWait(category, name, fd, flags, argument,
                    failed || noResult ? 0 : result);
            case SIGNAL_WAIT -> {
                signalWaits++;
                settledSinceEagain = true;
            }
            case CONTROL -> {
                if ((flags & SyscallEvent.FLAG_ASYNC_SETUP) != 0 && !failed) {
                    asyncSetups++;
                }
            }
            case SPAWN -> spawn(failed || noResult, result, flags);
            case MMAP -> {
                if (fd >= 0 && !failed) {
                    fileMmaps++;
                    fileMmapBytes += argument;
                }
            }
            default -> {
                if (fdKind == FdKind.SOCKET && name.equals("close")) {
                    connections.closed(fd);
                } else if (name.equals("execve") && !failed && text != null) {
                    program = text;
                }
            }
        }
    }

    /**
     * EAGAIN from a futex (the word changed before it slept) or a {@code flock(LOCK_NB)} says nothing about I/O:
     * only a data call, accept or connect that would have blocked is evidence of non-blocking I/O.
     */
    private static boolean isWouldBlock(String errno) {
        return "EAGAIN".equals(errno) || "EWOULDBLOCK".equals(errno);
    }

    private void dataCall(int fd, FdKind fdKind, boolean failed, SyscallCategory category) {
        if (!failed && fdKind.carriesStreams()) {
            settledSinceEagain = true;
            awaitingEagainFd = false;
        }
        if (fdKind == FdKind.SOCKET) {
            socketDataCalls++;
            connections.used(fd, ordinal);
        } else if (fdKind == FdKind.FILE) {
            fileDataCalls++;
        }
        if (category == SyscallCategory.READ && !failed) {
            successfulReads++;
        }

    }

    private void readinessWait(SyscallCategory category, String name, int fd, int flags, long argument, long ready) {
        boolean singleFd = (flags & SyscallEvent.FLAG_SINGLE_FD_WAIT) != 0;
        if (awaitingEagainFd && singleFd && argument == lastEagainFd) {
            timedBlockingWaits++;
            descriptors.waitedWithTimeout(lastEagainFd);
        } else {
            readinessWaits.merge(name, 1L, Long::sum);
            readinessWaitTotal++;
            readyDescriptors += Math.max(0, ready);
            awaitingEagainFd = false;
            if (fd >= 0 && category == SyscallCategory.EPOLL_WAIT) {
                epollDescriptors.add(fd);
            }
        }
        settledSinceEagain = true;
    }

    private void spawn(boolean failed, long result, int flags) {
        if (failed || result <= 0) {
            return;
        }
        spawns.add(new Spawn((int) result, (flags & SyscallEvent.FLAG_CLONE_THREAD) != 0, ordinal));
        if (acceptedSinceSpawn) {
            spawnsAfterAccept++;
            acceptedSinceSpawn = false;
        }
    }

    private void exited(String how, long ordinal) {
        exit = how;
        exitOrdinal = ordinal;
    }

    /**
     * Adds up another thread's figures into this one, which stands for a group of threads folded as they exited:
     * counters and call statistics add up (their histograms are of fixed size), descriptors and wait names are
     * united. Of the spawns, only the first of each kind is kept (the classifiers ask whether a thread started
     * threads or processes, and count starts after an accept, which add up here): a group must not grow with
     * its threads.
     */
    void addAll(ThreadActivity other) {
        for (SyscallStats stats : other.calls.values()) {
            calls.computeIfAbsent(stats.name, SyscallStats::new).addAll(stats);
        }
        other.readinessWaits.forEach((name, n) -> readinessWaits.merge(name, n, Long::sum));
        readinessWaitTotal += other.readinessWaitTotal;
        other.ioSignals.forEach((name, n) -> ioSignals.merge(name, n, Long::sum));
        epollDescriptors.addAll(other.epollDescriptors);
        for (Spawn spawn : other.spawns) {
            if (spawns.stream().noneMatch(s -> s.thread() == spawn.thread())) {
                spawns.add(spawn);
            }
        }
        firstNanos = Math.min(firstNanos, other.firstNanos);
        lastNanos = Math.max(lastNanos, other.lastNanos);
        eagainResults += other.eagainResults;
        eagainRetries += other.eagainRetries;
        timedBlockingWaits += other.timedBlockingWaits;
        successfulReads += other.successfulReads;
        successfulAccepts += other.successfulAccepts;
        successfulConnects += other.successfulConnects;
        socketDataCalls += other.socketDataCalls;
        fileDataCalls += other.fileDataCalls;
        asyncSetups += other.asyncSetups;
        signalWaits += other.signalWaits;
        spawnsAfterAccept += other.spawnsAfterAccept;
        fileMmaps += other.fileMmaps;
        futexCalls += other.futexCalls;
        fileMmapBytes += other.fileMmapBytes;
        readyDescriptors += other.readyDescriptors;
        descriptors.addAll(other.descriptors);
        if (program == null) {
            program = other.program;
        }
    }

    /** The thread exited: what it keeps shrinks to what the report and a group it may join need. */
    void compact() {
        for (SyscallStats stats : calls.values()) {
            stats.compact();
        }
    }

    private void signal(String name) {
        if (name.equals("SIGIO") || name.equals("SIGPOLL") || name.startsWith("SIGRT")) {
            ioSignals.merge(name, 1L, Long::sum);
            settledSinceEagain = true;
        }
    }

    long readinessWaitCount() {
        return readinessWaitTotal;
    }

    long callsOf(SyscallCategory category) {
        long n = 0;
        for (SyscallStats stats : calls.values()) {
            if (stats.category == category) {
                n += stats.calls;
            }
        }
        return n;
    }

    long calls(String name) {
        SyscallStats stats = calls.get(name);
        return stats == null ? 0 : stats.calls;
    }

    long totalCalls() {
        long n = 0;
        for (SyscallStats stats : calls.values()) {
            n += stats.calls;
        }
        return n;
    }

    long dataCalls() {
        return callsOf(SyscallCategory.READ) + callsOf(SyscallCategory.WRITE) + callsOf(SyscallCategory.ZERO_COPY);
    }
}
