package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.event.SyscallEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A group's figures, added up from its threads', are those of one thread that made all their calls. */
class SyscallStatsTest {

    @Test
    void aGroupAddsUpThreadsWithFewDurationsAndWithHistogramsAlike() {
        SyscallStats oneThread = new SyscallStats("read");
        SyscallStats group = new SyscallStats("read");
        long duration = 1_000;
        // Threads of 1 to 40 calls: the first ones keep their few durations as they are, the later ones a histogram.
        for (int calls = 1; calls <= 40; calls++) {
            SyscallStats thread = new SyscallStats("read");
            for (int i = 0; i < calls; i++) {
                duration = duration * 7 % 9_999_991;
                thread.record(i % 5 == 0, 512, false, duration);
                oneThread.record(i % 5 == 0, 512, false, duration);
            }
            thread.compact();
            group.addAll(thread);
        }
        assertEquals(oneThread.figures(), group.figures());
    }

    @Test
    void untimedCallsAddUpWithoutDurations() {
        SyscallStats group = new SyscallStats("futex");
        SyscallStats thread = new SyscallStats("futex");
        thread.record(false, 0, false, SyscallEvent.NO_TIME);
        group.addAll(thread);
        group.addAll(thread);
        assertEquals(2, group.figures().calls());
        assertEquals(0, group.figures().timedCalls());
        assertEquals(0, group.figures().p99Nanos());
    }
}
