package io.iotrace.analyzers.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What strace cost, from the calls before it joined against those it held whole: the calls it saw only part of and
 * those after it left, which ran at full speed again, count on neither side.
 */
class BeforeAndAfterStraceTest {
    private static final long MS = 1_000_000;
    private static final ThreadInfo WORKER = new ThreadInfo(1, 10, 501, "worker-1", false);
    private static final Resource SOCKET = new Resource(1, ResourceKind.SOCKET, ":1->127.0.0.1:2");
    /** strace held the JVM from 1 s to 2 s. */
    private static final StraceWindow HELD = new StraceWindow(1_000 * MS, 2_000 * MS);

    private final BeforeAndAfterStrace comparison = new BeforeAndAfterStrace(HELD);

    /** {@code count} reads of {@code duration} ns, one every {@code every} ns from {@code from} on. */
    private void reads(long from, long every, long duration, int count) {
        for (int i = 0; i < count; i++) {
            comparison.onEvent(new IoEvent(from + i * every, duration, WORKER, Operation.READ, SOCKET, true, 64, 64,
                    Outcome.OK, BufferKind.HEAP_ARRAY, 0, 0));
        }
    }

    @Test
    void theFactorIsTheDropInCallsPerSecondAndLaterOrHalfSeenCallsAreLeftOut() {
        reads(0, 10 * MS, MS, 100);                 // 0 .. 1 s: 100 calls/s, 1 ms each
        reads(995 * MS, 0, 10 * MS, 1);              // across the join: neither side
        reads(1_000 * MS, 40 * MS, 4 * MS, 25);      // 1 .. 2 s: 25 calls/s, 4 ms each
        reads(1_998 * MS, 0, 10 * MS, 1);            // across the leave: neither side
        reads(2_010 * MS, MS, MS / 2, 500);          // after strace left, fast again: neither side

        StraceSlowdown slowdown = comparison.slowdown();

        assertEquals(100.0 / 25.0, slowdown.factor(), 0.2, slowdown.how());
        Matcher medians = Pattern.compile("median call time read ([0-9.]+) us -> ([0-9.]+) us").matcher(slowdown.how());
        assertTrue(medians.find(), slowdown.how());
        // The histogram keeps about 3% precision: 1 ms before, 4 ms while held, not the 0.5 ms reads after.
        assertEquals(1_000, Double.parseDouble(medians.group(1)), 40, slowdown.how());
        assertEquals(4_000, Double.parseDouble(medians.group(2)), 160, slowdown.how());
    }

    @Test
    void tooFewCallsOnASideGiveNoFactorAndSayWhy() {
        reads(0, 10 * MS, MS, 100);
        reads(1_000 * MS, 40 * MS, 4 * MS, 5);

        StraceSlowdown slowdown = comparison.slowdown();

        assertNull(slowdown.factor());
        assertTrue(slowdown.how().contains("100 java calls before strace joined and 5 after"), slowdown.how());
    }
}
