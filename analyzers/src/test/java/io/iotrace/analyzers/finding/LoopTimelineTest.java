package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import org.junit.jupiter.api.Test;

/** Times in ms since the recording's start; the recording maps nanoTime 0 to epoch 1 s. */
class LoopTimelineTest {
    private static final long EPOCH = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final ThreadInfo LOOP = new ThreadInfo(1, 7, 100, "loop", false);
    private static final Resource SELECTOR = new Resource(1, ResourceKind.SELECTOR, "sun.nio.ch.EPollSelectorImpl");
    private static final Resource CLIENT = new Resource(2, ResourceKind.SOCKET_CHANNEL, "127.0.0.1:5000->127.0.0.1:40222");
    private static final Resource SIDE = new Resource(3, ResourceKind.SOCKET_CHANNEL, "127.0.0.1:40300->127.0.0.1:6000");

    private final LoopTimeline timeline = new LoopTimeline();

    LoopTimelineTest() {
        timeline.begin(new RecordingInfo(1, "17", "Main", "sun.nio.ch.EPollSelectorProvider", EPOCH, 0));
    }

    @Test
    void anIterationRunsFromOneSelectorReturnToTheNextSelect() {
        call(Operation.SELECT, SELECTOR, true, 0, 10);
        call(Operation.SELECT, SELECTOR, true, 15, 20);
        call(Operation.SELECT, SELECTOR, true, 40, 50);

        assertEquals(5 * MS, timeline.iterationAround(7, EPOCH + 12 * MS));
        assertEquals(20 * MS, timeline.iterationAround(7, EPOCH + 30 * MS));
        assertEquals(-1, timeline.iterationAround(7, EPOCH + 60 * MS), "no select after it yet");
        assertEquals(-1, timeline.iterationAround(8, EPOCH + 12 * MS), "a thread that never selected");
        assertEquals(2, timeline.iterations(7).count());
        assertEquals(20 * MS, timeline.iterations(7).max());
    }

    @Test
    void aPeerReachedOnlyInNonBlockingModeIsANonBlockingChannelCallAndOtherPeersAreNot() {
        call(Operation.READ, CLIENT, false, 1, 1);
        call(Operation.READ, SIDE, true, 30, 31);

        assertTrue(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:40222", EPOCH + MS, 1000));
        assertFalse(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:6000", EPOCH + 30 * MS, MS));
        assertFalse(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:7000", EPOCH, MS), "a socket stream");
    }

    @Test
    void aChannelUsedInBothModesIsBlockingOnlyWhenABlockingCallWasMadeAtThatTime() {
        call(Operation.READ, CLIENT, false, 1, 1);
        call(Operation.READ, CLIENT, true, 50, 60);

        assertTrue(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:40222", EPOCH + 20 * MS, 1000));
        assertFalse(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:40222", EPOCH + 55 * MS, MS));
    }

    @Test
    void aPeerThatEveryThreadReachedInNonBlockingModeIsANonBlockingCallOnAThreadWhoseOwnCallWasNotRecorded() {
        ThreadInfo other = new ThreadInfo(2, 8, 101, "other", false);
        timeline.onEvent(new IoEvent(MS, MS, other, Operation.READ, CLIENT, false, 64, 1, Outcome.OK,
                BufferKind.values()[0], 0, 0));
        timeline.onEvent(new IoEvent(MS, MS, other, Operation.READ, new Resource(4, ResourceKind.SOCKET,
                "127.0.0.1:40400->127.0.0.1:6000"), true, 64, 1, Outcome.OK, BufferKind.values()[0], 0, 0));

        assertTrue(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:40222", EPOCH + 20 * MS, MS));
        assertFalse(timeline.wasNonBlockingChannelCall(7, "127.0.0.1:6000", EPOCH + 20 * MS, MS),
                "a socket stream to that peer is blocking");
    }

    private void call(Operation op, Resource resource, boolean blocking, long startMs, long endMs) {
        timeline.onEvent(new IoEvent(startMs * MS, (endMs - startMs) * MS, LOOP, op, resource, blocking, 64, 1,
                Outcome.OK, BufferKind.values()[0], 0, 0));
    }
}
