package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times in ms since the recording's start; the recording maps nanoTime 0 to epoch 1 s. */
class StartUpWaitsTest {
    private static final long EPOCH = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final ThreadInfo LOOP = new ThreadInfo(1, 7, 100, "loop", false);
    private static final ThreadInfo ACCEPTOR = new ThreadInfo(2, 8, 101, "acceptor", false);
    private static final Resource SELECTOR = new Resource(1, ResourceKind.SELECTOR, "sun.nio.ch.EPollSelectorImpl");
    private static final Resource LISTENER = new Resource(2, ResourceKind.SERVER_SOCKET_CHANNEL, "127.0.0.1:5000");
    private static final Resource CLIENT = new Resource(3, ResourceKind.SOCKET_CHANNEL, "127.0.0.1:5000->127.0.0.1:40222");
    private static final CallStack LOCK = new CallStack(List.of(new Frame("java.util.HashMap", "get", 1),
            new Frame("com.example.Handler", "onRead", 2)));

    private final LoopTimeline timeline = new LoopTimeline();
    private final StartUpWaits startUp = new StartUpWaits(timeline);

    StartUpWaitsTest() {
        timeline.begin(new RecordingInfo(1, "17", "Main", "sun.nio.ch.EPollSelectorProvider", EPOCH, 0));
        // The loop selects at 0-10 ms, serves its first accepted connection at 12 ms, selects again at 20-30 ms.
        event(ACCEPTOR, Operation.ACCEPT, LISTENER, 11, CLIENT.id());
        event(LOOP, Operation.SELECT, SELECTOR, 0, 0);
        event(LOOP, Operation.READ, CLIENT, 12, 0);
        event(LOOP, Operation.SELECT, SELECTOR, 20, 0);
    }

    @Test
    void aContendedLockBeforeTheLoopServedItsFirstConnectionIsStartUp() {
        String rule = startUp.ruleFor(call(7, false, BlockingKind.MONITOR_ENTER, 5, LOCK));
        assertTrue(rule.startsWith("before serving: 7 ms before its thread"), rule);
    }

    @Test
    void aLockInTheIterationThatServedTheFirstConnectionIsFirstUseAndOneAnIterationLaterIsNot() {
        String rule = startUp.ruleFor(call(7, false, BlockingKind.MONITOR_ENTER, 15, LOCK));
        assertTrue(rule.startsWith("first use: in the loop iteration"), rule);
        assertNull(startUp.ruleFor(call(7, false, BlockingKind.MONITOR_ENTER, 35, LOCK)));
    }

    @Test
    void aSleepOrFileReadIsNeverStartUpThoughItCameFirst() {
        assertNull(startUp.ruleFor(call(7, false, BlockingKind.SLEEP, 5, LOCK)));
        assertNull(startUp.ruleFor(call(7, false, BlockingKind.FILE_READ, 5, LOCK)));
    }

    @Test
    void aWaitUnderBindOrListenIsStartUpWhenever() {
        CallStack bind = new CallStack(List.of(new Frame("java.util.HashMap", "get", 1),
                new Frame("com.example.net.Server", "bind", 424), new Frame("com.example.App", "start", 27)));
        String rule = startUp.ruleFor(call(7, false, BlockingKind.MONITOR_ENTER, 5_000, bind));
        assertTrue(rule.startsWith("bind or listen: on the server socket's set-up path (com.example.net.Server.bind)"),
                rule);
    }

    @Test
    void aVirtualThreadIsTimedFromTheProcesssFirstServedConnectionWithinTheAllowance() {
        String rule = startUp.ruleFor(call(99, true, BlockingKind.PINNED, 100, LOCK));
        assertTrue(rule.startsWith("first use: 88 ms after the process served its first connection"), rule);
        assertNull(startUp.ruleFor(call(99, true, BlockingKind.PINNED, 12 + 251, LOCK)));
    }

    @Test
    void aThreadThatNeverServesInAProcessThatNeverServesHasNoStartUp() {
        LoopTimeline silent = new LoopTimeline();
        silent.begin(new RecordingInfo(1, "17", "Main", "sun.nio.ch.EPollSelectorProvider", EPOCH, 0));
        assertNull(new StartUpWaits(silent).ruleFor(call(7, false, BlockingKind.MONITOR_ENTER, 5, LOCK)));
    }

    private static BlockingCall call(long thread, boolean virtual, BlockingKind kind, long startMs, CallStack stack) {
        return new BlockingCall(thread, "t", virtual, kind, "", EPOCH + startMs * MS, MS, stack);
    }

    private void event(ThreadInfo thread, Operation op, Resource resource, long startMs, long related) {
        timeline.onEvent(new IoEvent(startMs * MS, MS, thread, op, resource, false, 64, 1, Outcome.OK,
                BufferKind.values()[0], related, 0));
    }
}
