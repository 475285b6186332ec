package io.iotrace.analyzers.finding;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.stats.LogHistogram;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the iotrace recording adds to Flight Recorder's blocking calls: when each thread's selector returned (the
 * loop's iterations), and in which mode each socket channel was used (Flight Recorder reports a channel's reads
 * and writes whether they block or not, and from JDK 22 on hides the channel's frames from the stack).
 *
 * <p>Times are kept as wall clock, ns since the epoch, the time base of Flight Recorder's events. Memory holds two
 * longs per select call and per blocking channel call (both are few on the threads that select), and a few
 * entries per connection.
 */
final class LoopTimeline implements EventHandler {
    /** How far apart the two recorders' clocks may see one call. */
    static final long CLOCK_TOLERANCE_NANOS = 2_000_000;
    private static final int NON_BLOCKING = 1;
    private static final int BLOCKING = 2;

    private final Map<Long, Intervals> selectsByThread = new HashMap<>();
    private final Map<Long, Intervals> blockingChannelCallsByThread = new HashMap<>();
    private final Map<Long, Map<String, Integer>> channelModesByThread = new HashMap<>();
    /**
     * The same for the whole process, a socket stream to the peer counting as blocking: a channel's mode is the
     * channel's, whichever thread uses it.
     */
    private final Map<String, Integer> channelModes = new HashMap<>();
    /**
     * Connections the process accepted, by resource id, by an accept call or an asynchronous accept's completion;
     * read or written, by a call or an asynchronous operation's completion, they are served.
     */
    private final Set<Integer> accepted = new HashSet<>();
    /** When each thread first read or wrote each network resource: few entries, one per connection it touched. */
    private final Map<Long, Map<Integer, Long>> firstIoByThread = new HashMap<>();
    private RecordingInfo info;

    @Override
    public void begin(RecordingInfo info) {
        this.info = info;
    }

    @Override
    public void onEvent(IoEvent event) {
        if (info == null) {
            return;
        }
        long start = info.toEpochNanos(event.startNanos());
        long end = start + event.durationNanos();
        if (event.operation() == Operation.ACCEPT && event.outcome() == Outcome.OK && event.related() > 0) {
            accepted.add((int) event.related());
        } else if (isAsyncAccept(event)) {
            accepted.add((int) event.result());
        } else if (event.operation().movesBytes() && event.resource() != null && event.resource().kind().isNetwork()) {
            firstIo(event, start);
        } else if (isAsyncConnectionCompletion(event)) {
            // The thread handles the bytes when it takes the completion, not when it submitted the operation.
            firstIo(event, end);
        }
        if (event.operation() == Operation.SELECT) {
            selectsByThread.computeIfAbsent(event.thread().javaId(), id -> new Intervals()).add(start, end);
        } else if (event.resource() != null && event.resource().kind() == ResourceKind.SOCKET_CHANNEL) {
            long thread = event.thread().javaId();
            String peer = remoteEndpoint(event.resource().description());
            int mode = event.blocking() ? BLOCKING : NON_BLOCKING;
            channelModesByThread.computeIfAbsent(thread, id -> new HashMap<>()).merge(peer, mode, (a, b) -> a | b);
            channelModes.merge(peer, mode, (a, b) -> a | b);
            if (event.blocking()) {
                blockingChannelCallsByThread.computeIfAbsent(thread, id -> new Intervals()).add(start, end);
            }
        } else if (event.resource() != null && event.resource().kind() == ResourceKind.SOCKET) {
            channelModes.merge(remoteEndpoint(event.resource().description()), BLOCKING, (a, b) -> a | b);
        }
    }

    private void firstIo(IoEvent event, long at) {
        firstIoByThread.computeIfAbsent(event.thread().javaId(), id -> new HashMap<>())
                .merge(event.resource().id(), at, Math::min);
    }

    /**
     * An asynchronous accept that completed (the reader joined it to its submission): its result is the accepted
     * connection's resource id. A loop that puts its accepts in a ring (io_uring) or hands them to the JDK's async
     * channels accepts this way.
     */
    private static boolean isAsyncAccept(IoEvent event) {
        return event.operation() == Operation.ASYNC_COMPLETE && event.resource() != null
                && event.resource().kind() == ResourceKind.ASYNC_SERVER_SOCKET_CHANNEL
                && event.outcome() == Outcome.OK && event.result() > 0;
    }

    /** An asynchronous read or write of a connection that completed on the event's thread. */
    private static boolean isAsyncConnectionCompletion(IoEvent event) {
        return event.operation() == Operation.ASYNC_COMPLETE && event.resource() != null
                && event.resource().kind() == ResourceKind.ASYNC_SOCKET_CHANNEL;
    }

    /**
     * Whether a socket call Flight Recorder saw was a non-blocking channel call: the thread used a channel to
     * that peer only in non-blocking mode, or, when it used it in both modes, made no blocking call at the time.
     * From JDK 22 on Flight Recorder reports channel reads too, and now and then the recording lacks the thread's
     * own call (Jetty's pool threads take turns on each connection): then the channel's mode in the whole process
     * decides, when the thread made no blocking channel call at the time.
     *
     * @param peer {@code address:port} of the remote end
     */
    boolean wasNonBlockingChannelCall(long threadId, String peer, long startEpochNanos, long durationNanos) {
        Integer modes = channelModesByThread.getOrDefault(threadId, Map.of()).get(normalized(peer));
        if (modes == null) {
            // A socket stream, always blocking, or a channel this thread's recording did not see.
            Integer everyThreads = channelModes.get(normalized(peer));
            return everyThreads != null && everyThreads == NON_BLOCKING
                    && !madeBlockingChannelCall(threadId, startEpochNanos, durationNanos);
        }
        if (modes == NON_BLOCKING) {
            return true;
        }
        return (modes & NON_BLOCKING) != 0 && !madeBlockingChannelCall(threadId, startEpochNanos, durationNanos);
    }

    /** {@code 127.0.0.1:5000} of a channel described as {@code 127.0.0.1:40222->127.0.0.1:5000}. */
    private static String remoteEndpoint(String description) {
        int arrow = description.indexOf("->");
        return normalized(arrow >= 0 ? description.substring(arrow + 2) : description);
    }

    /** IPv6 addresses are written with brackets by sockets and without by Flight Recorder. */
    private static String normalized(String endpoint) {
        return endpoint.replace("[", "").replace("]", "");
    }

    private boolean madeBlockingChannelCall(long threadId, long startEpochNanos, long durationNanos) {
        Intervals calls = blockingChannelCallsByThread.get(threadId);
        return calls != null && calls.overlaps(startEpochNanos - CLOCK_TOLERANCE_NANOS,
                startEpochNanos + durationNanos + CLOCK_TOLERANCE_NANOS);
    }

    /**
     * How long the loop iteration around this moment ran between two selector returns: from the select that
     * returned before it to the next select call. -1 when the thread's selects are not in the recording.
     */
    long iterationAround(long threadId, long epochNanos) {
        Intervals selects = selectsByThread.get(threadId);
        if (selects == null) {
            return -1;
        }
        int before = selects.lastEndingBefore(epochNanos);
        if (before < 0 || before + 1 >= selects.size) {
            return -1;
        }
        return selects.starts[before + 1] - selects.ends[before];
    }

    /** The thread's iteration times (selector return to next select call); null when it never selected. */
    LogHistogram iterations(long threadId) {
        Intervals selects = selectsByThread.get(threadId);
        if (selects == null) {
            return null;
        }
        LogHistogram histogram = new LogHistogram();
        for (int i = 1; i < selects.size; i++) {
            histogram.record(selects.starts[i] - selects.ends[i - 1]);
        }
        return histogram;
    }

    /**
     * When this thread first read or wrote a connection the process accepted: the moment it began to serve, its
     * start-up over. {@link Long#MAX_VALUE} when it never served one.
     */
    long firstServedConnection(long threadId) {
        long first = Long.MAX_VALUE;
        for (Map.Entry<Integer, Long> io : firstIoByThread.getOrDefault(threadId, Map.of()).entrySet()) {
            if (accepted.contains(io.getKey())) {
                first = Math.min(first, io.getValue());
            }
        }
        return first;
    }

    /** When any thread of the process first read or wrote a connection it accepted; Long.MAX_VALUE when none did. */
    long firstServedConnection() {
        long first = Long.MAX_VALUE;
        for (long thread : firstIoByThread.keySet()) {
            first = Math.min(first, firstServedConnection(thread));
        }
        return first;
    }

    /** Whether the recording saw this thread select. */
    boolean selects(long threadId) {
        Intervals selects = selectsByThread.get(threadId);
        return selects != null && selects.size > 0;
    }

    /** How many of the thread's selects began in {@code [from, to)}: the loop iterations it started meanwhile. */
    int selectsBetween(long threadId, long from, long to) {
        Intervals selects = selectsByThread.get(threadId);
        if (selects == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < selects.size; i++) {
            if (selects.starts[i] >= from && selects.starts[i] < to) {
                count++;
            }
        }
        return count;
    }

    /** Time spent waiting in select, and the time from the first select's start to the last one's end. */
    long[] waitingAndSpan(long threadId) {
        Intervals selects = selectsByThread.get(threadId);
        if (selects == null || selects.size == 0) {
            return new long[] {0, 0};
        }
        long waiting = 0;
        for (int i = 0; i < selects.size; i++) {
            waiting += selects.ends[i] - selects.starts[i];
        }
        return new long[] {waiting, selects.ends[selects.size - 1] - selects.starts[0]};
    }

    /** Intervals of one thread, in the order it made them (a thread's calls never overlap). */
    private static final class Intervals {
        long[] starts = new long[64];
        long[] ends = new long[64];
        int size;

        void add(long start, long end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        int lastEndingBefore(long time) {
            int low = 0;
            int high = size - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (ends[mid] <= time) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        boolean overlaps(long from, long to) {
            int i = Math.max(0, lastEndingBefore(from));
            for (; i < size && starts[i] <= to; i++) {
                if (ends[i] >= from) {
                    return true;
                }
            }
            return false;
        }
    }
}
