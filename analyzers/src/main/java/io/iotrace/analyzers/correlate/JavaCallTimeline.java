package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recording's calls per OS thread, on the recording's clock ({@code System.nanoTime()}), ready to be matched
 * with the syscalls of that thread.
 * Holds every call (three numbers each): correlation needs them all until the syscall log has been read.
 */
public final class JavaCallTimeline implements EventHandler {
    private final Map<Integer, ThreadCalls> threads = new LinkedHashMap<>();
    private final Map<CallKind, Integer> kindIndex = new HashMap<>();
    private final List<CallKind> kinds = new ArrayList<>();
    /** The kind of a call that strace saw only part of: matched with its syscalls, then counted nowhere. */
    static final int CLIPPED = -1;

    private final StraceWindow window;
    private RecordingInfo info;
    private long callsWithoutOsThread;
    private long callsOutsideWindow;

    /**
     * An empty timeline, to be handed a recording's events beside its other readers, so that the file is read once.
     *
     * @param window the calls that strace saw; the others are counted, not matched
     */
    public JavaCallTimeline(StraceWindow window) {
        this.window = window;
    }

    /** What a call was: the groups the report counts syscalls by. */
    public record CallKind(String operation, String buffer, String resource) {
    }

    /**
     * Reads a recording. A damaged one (its JVM was killed) keeps the calls before the damage, with a warning.
     *
     * @param window the calls that strace saw; the others are counted, not matched
     * @return the timeline, or null when the file holds no recording header (the warning says why)
     */
    public static JavaCallTimeline of(Path recording, StraceWindow window, List<String> warnings) {
        JavaCallTimeline timeline = new JavaCallTimeline(window);
        try {
            RecordingReader.read(recording, timeline);
        } catch (RecordingFormatException e) {
            warnings.add(e.getMessage());
        }
        return timeline.info != null ? timeline : null;
    }

    /** When strace held the target: the calls it saw whole are inside. */
    StraceWindow window() {
        return window;
    }

    /** The OS threads that made recorded calls. */
    public Set<Integer> osThreads() {
        return threads.keySet();
    }

    @Override
    public void begin(RecordingInfo recordingInfo) {
        this.info = recordingInfo;
    }

    @Override
    public void onEvent(IoEvent event) {
        int tid = event.thread().osTid();
        if (tid == 0) {
            // A virtual thread: its carrier changes from call to call, so its syscalls cannot be told apart.
            callsWithoutOsThread++;
            return;
        }
        if (!window.holds(event.startNanos(), event.endNanos())) {
            callsOutsideWindow++;
            if (window.overlaps(event.startNanos(), event.endNanos())) {
                // Half seen by strace: kept only so that its syscalls are not taken for ones made outside any call.
                threads.computeIfAbsent(tid, ThreadCalls::new).add(event.startNanos(), event.endNanos(), CLIPPED,
                        event.thread().name());
            }
            return;
        }
        CallKind kind = new CallKind(event.operation().title(), event.buffer().title(),
                event.resource() != null ? event.resource().kind().title() : "unknown");
        Integer index = kindIndex.get(kind);
        if (index == null) {
            index = kinds.size();
            kinds.add(kind);
            kindIndex.put(kind, index);
        }
        long start = event.startNanos();
        threads.computeIfAbsent(tid, ThreadCalls::new).add(start, start + event.durationNanos(), index,
                event.thread().name());
    }

    RecordingInfo info() {
        return info;
    }

    /** The recorded JVM's pid. */
    public long pid() {
        return info.pid();
    }

    Map<Integer, ThreadCalls> threads() {
        return threads;
    }

    List<CallKind> kinds() {
        return kinds;
    }

    long callsWithoutOsThread() {
        return callsWithoutOsThread;
    }

    long callsOutsideWindow() {
        return callsOutsideWindow;
    }

    /** One OS thread's calls, sorted by start when {@link #sorted()} is called. */
    static final class ThreadCalls {
        final int tid;
        String name;
        long[] starts = new long[64];
        long[] ends = new long[64];
        int[] kinds = new int[64];
        int size;

        ThreadCalls(int tid) {
            this.tid = tid;
        }

        void add(long start, long end, int kind, String threadName) {
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
                kinds = java.util.Arrays.copyOf(kinds, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            kinds[size] = kind;
            size++;
            name = threadName;
        }

        /** The agent writes each thread's calls in order; sort anyway, cheaply, in case a source does not. */
        ThreadCalls sorted() {
            boolean ordered = true;
            for (int i = 1; i < size && ordered; i++) {
                ordered = starts[i - 1] <= starts[i];
            }
            if (!ordered) {
                Integer[] order = new Integer[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
                long[] s = new long[size];
                long[] e = new long[size];
                int[] k = new int[size];
                for (int i = 0; i < size; i++) {
                    s[i] = starts[order[i]];
                    e[i] = ends[order[i]];
                    k[i] = kinds[order[i]];
                }
                starts = s;
                ends = e;
                kinds = k;
            }
            return this;
        }
    }
}
