package io.iotrace.agent.recording;

import io.iotrace.agent.runtime.CallSummary;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the threads' {@link CallSummary}s up by thread group and encodes a SUMMARY chunk's payload (layout in
 * {@link RecordingFormat}): every figure is a total since the recording started, so that the newest file of a rolling
 * set still holds the whole run's, and a reader takes an interval's figures as the difference of two snapshots.
 *
 * <p>A thread's group is its name with each run of digits written {@code #} ({@code worker-#}), taken when the
 * writer first sees it. What a thread that ended had added up stays in its group; at most {@link #MAX_GROUPS}
 * groups are kept, the threads of any further group are added up in one more, {@value #OTHER}. So memory is
 * bounded by the groups and the threads alive, not by every thread that lived.
 *
 * <p>Used by the recorder's writer thread only.
 */
final class SummarySnapshots {
    static final int MAX_GROUPS = 64;
    static final String OTHER = "(other threads)";
    private static final int MAX_NAME_CHARS = 200;
    /** A snapshot's payload never exceeds this, so that it fits in one chunk of the writer's buffer. */
    private static final int MAX_PAYLOAD_BYTES = 512 << 10;

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final ByteBuffer payload = ByteBuffer.allocate(MAX_PAYLOAD_BYTES);
    private long unsummarizedOfEnded;
    private long sequence;

    private static final class Group {
        final String name;
        /** Totals of the group's threads that ended, by {@link CallSummary#key}. */
        final long[][] ended = new long[256][];
        final Set<ThreadRecorder> alive = new HashSet<>();
        long threadsSeen;

        Group(String name) {
            this.name = name;
        }
    }

    /** Puts a thread the writer sees for the first time in its group. */
    void join(ThreadRecorder t) {
        String name = groupName(t.thread.getName(), t.virtual);
        Group g = groups.get(name);
        if (g == null) {
            g = groups.size() < MAX_GROUPS ? new Group(name) : groups.computeIfAbsent(OTHER, Group::new);
            groups.putIfAbsent(g.name, g);
        }
        g.alive.add(t);
        g.threadsSeen++;
        t.summaryGroup = g;
    }

    /** Keeps what a thread that ended added up in its group. */
    void leave(ThreadRecorder t) {
        Group g = (Group) t.summaryGroup;
        if (g == null) {
            return;
        }
        g.alive.remove(t);
        addCells(t.summary, g.ended);
        unsummarizedOfEnded += t.summary.unsummarized;
        t.summaryGroup = null;
    }

    static String groupName(String threadName, boolean virtual) {
        String pattern = threadName.replaceAll("[0-9]+", "#");
        if (pattern.length() > MAX_NAME_CHARS) {
            pattern = pattern.substring(0, MAX_NAME_CHARS);
        }
        if (!virtual) {
            return pattern;
        }
        return pattern.isEmpty() ? "(virtual)" : pattern + " (virtual)";
    }

    /**
     * The payload of a SUMMARY chunk for this instant: per group, its threads alive and seen and each kind of call's
     * totals. Groups that do not fit in {@link #MAX_PAYLOAD_BYTES} are left out, and the payload says how many.
     *
     * @param callsRecorded whether the recording holds the calls too (false with {@code mode=summary})
     */
    byte[] snapshot(long nanoTime, boolean callsRecorded) {
        ByteBuffer b = payload;
        b.clear();
        long unsummarized = unsummarizedOfEnded;
        List<byte[]> encoded = new ArrayList<>();
        int leftOut = 0;
        for (Group g : groups.values()) {
            long[][] totals = new long[256][];
            addCells(g.ended, totals);
            for (ThreadRecorder t : g.alive) {
                addCells(t.summary, totals);
                unsummarized += t.summary.unsummarized;
            }
            try {
                b.clear();
                group(b, g, totals);
                byte[] bytes = new byte[b.position()];
                b.get(0, bytes);
                if (fits(encoded, bytes.length)) {
                    encoded.add(bytes);
                } else {
                    leftOut++;
                }
            } catch (BufferOverflowException e) {
                leftOut++;
            }
        }
        b.clear();
        b.putLong(nanoTime);
        RecordingWriter.putVar(b, sequence++);
        b.put((byte) (callsRecorded ? 1 : 0));
        RecordingWriter.putVar(b, unsummarized);
        RecordingWriter.putVar(b, leftOut);
        RecordingWriter.putVar(b, encoded.size());
        for (byte[] group : encoded) {
            b.put(group);
        }
        byte[] result = new byte[b.position()];
        b.get(0, result);
        return result;
    }

    private static boolean fits(List<byte[]> encoded, int more) {
        long total = 64 + more;
        for (byte[] e : encoded) {
            total += e.length;
        }
        return total <= MAX_PAYLOAD_BYTES;
    }

    private static void group(ByteBuffer b, Group g, long[][] totals) {
        byte[] name = g.name.getBytes(StandardCharsets.UTF_8);
        b.putShort((short) name.length).put(name);
        RecordingWriter.putVar(b, g.alive.size());
        RecordingWriter.putVar(b, g.threadsSeen);
        int cells = 0;
        for (long[] cell : totals) {
            if (cell != null) {
                cells++;
            }
        }
        RecordingWriter.putVar(b, cells);
        for (int key = 0; key < totals.length; key++) {
            long[] cell = totals[key];
            if (cell == null) {
                continue;
            }
            b.put((byte) (key >>> 4)).put((byte) (key & 0xF));
            for (int i = 0; i < CallSummary.BUCKETS; i++) {
                RecordingWriter.putVar(b, cell[i]);
            }
            int buckets = 0;
            for (int i = CallSummary.BUCKETS; i < CallSummary.CELL_LONGS; i++) {
                if (cell[i] != 0) {
                    buckets++;
                }
            }
            b.put((byte) buckets);
            for (int i = CallSummary.BUCKETS; i < CallSummary.CELL_LONGS; i++) {
                if (cell[i] != 0) {
                    b.put((byte) (i - CallSummary.BUCKETS));
                    RecordingWriter.putVar(b, cell[i]);
                }
            }
        }
    }

    private static void addCells(CallSummary summary, long[][] into) {
        for (int i = 0, n = summary.used(); i < n; i++) {
            add(summary.cellAt(i), into, summary.keyAt(i));
        }
    }

    private static void addCells(long[][] from, long[][] into) {
        for (int key = 0; key < from.length; key++) {
            if (from[key] != null) {
                add(from[key], into, key);
            }
        }
    }

    private static void add(long[] cell, long[][] into, int key) {
        long[] sum = into[key];
        if (sum == null) {
            sum = new long[CallSummary.CELL_LONGS];
            into[key] = sum;
        }
        for (int i = 0; i < CallSummary.CELL_LONGS; i++) {
            sum[i] += cell[i];
        }
    }
}
