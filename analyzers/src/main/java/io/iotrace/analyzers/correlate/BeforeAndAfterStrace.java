package io.iotrace.analyzers.correlate;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.analyzers.stats.LogHistogram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what strace cost a JVM that was recorded for a while before strace joined: the Java calls per second
 * before and after, and each operation's median call time. The recording is the yardstick; nothing is estimated.
 *
 * <p>The factor is the drop in calls per second: under a steady load, a target that is stopped at every syscall
 * completes fewer calls. Call times are shown beside it, as they can grow without the rate falling (an idle
 * server) or include waits for a peer that strace does not slow.
 */
public final class BeforeAndAfterStrace implements EventHandler {
    /** Fewer calls than this on either side give no meaningful rate or median. */
    static final int MIN_CALLS_PER_SIDE = 20;
    private static final int SHOWN_OPERATIONS = 3;

    private final StraceWindow strace;
    private final Side before = new Side();
    private final Side after = new Side();

    BeforeAndAfterStrace(StraceWindow strace) {
        this.strace = strace;
    }

    /**
     * @param strace when strace held every thread of the JVM, on the recording's clock; the calls after it left
     *               ran at full speed again and count on neither side, nor do those it saw only part of
     */
    public static StraceSlowdown measure(Path recording, StraceWindow strace) {
        BeforeAndAfterStrace comparison = new BeforeAndAfterStrace(strace);
        try {
            RecordingReader.read(recording, comparison);
        } catch (RecordingFormatException e) {
            // A recording cut short still holds calls on both sides; the reader kept what came before the cut.
        }
        return comparison.slowdown();
    }

    @Override
    public void onEvent(IoEvent event) {
        if (event.endNanos() < strace.fromNanos()) {
            before.add(event);
        } else if (strace.holds(event.startNanos(), event.endNanos())) {
            after.add(event);
        }
    }

    StraceSlowdown slowdown() {
        if (before.calls < MIN_CALLS_PER_SIDE || after.calls < MIN_CALLS_PER_SIDE) {
            return StraceSlowdown.unknown(String.format(Locale.ROOT, "not measured: %d java calls before strace"
                    + " joined and %d after; at least %d on each side are needed", before.calls, after.calls,
                    MIN_CALLS_PER_SIDE));
        }
        double rateBefore = before.callsPerSecond();
        double rateAfter = after.callsPerSecond();
        StringBuilder how = new StringBuilder(String.format(Locale.ROOT,
                "measured, java calls/s %,.0f before strace joined, %,.0f after", rateBefore, rateAfter));
        List<String> medians = new ArrayList<>();
        before.byOperation.forEach((operation, times) -> {
            LogHistogram under = after.byOperation.get(operation);
            if (medians.size() < SHOWN_OPERATIONS && times.count() >= MIN_CALLS_PER_SIDE && under != null
                    && under.count() >= MIN_CALLS_PER_SIDE) {
                medians.add(String.format(Locale.ROOT, "%s %s -> %s", operation, micros(times.percentile(50)),
                        micros(under.percentile(50))));
            }
        });
        if (!medians.isEmpty()) {
            how.append("; median call time ").append(String.join(", ", medians));
        }
        return new StraceSlowdown(rateBefore / rateAfter, how.toString());
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }

    /** The calls on one side of the moment strace joined. */
    private static final class Side {
        final Map<String, LogHistogram> byOperation = new LinkedHashMap<>();
        long calls;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;

        void add(IoEvent event) {
            calls++;
            firstStart = Math.min(firstStart, event.startNanos());
            lastEnd = Math.max(lastEnd, event.endNanos());
            byOperation.computeIfAbsent(event.operation().title(), o -> new LogHistogram())
                    .record(event.durationNanos());
        }

        double callsPerSecond() {
            return calls * 1e9 / Math.max(1, lastEnd - firstStart);
        }
    }
}
