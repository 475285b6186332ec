package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stacks as Flight Recorder gave them on pool threads that also took turns running a selector. */
class IdleWorkersTest {
    private static final List<Frame> JDK_CONDITION_WAIT = List.of(new Frame("jdk.internal.misc.Unsafe", "park", -1),
            new Frame("java.util.concurrent.locks.LockSupport", "parkNanos", 252),
            new Frame("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", "awaitNanos", 1679));

    private static boolean idle(BlockingKind kind, boolean truncated, Frame... outer) {
        List<Frame> frames = new ArrayList<>(JDK_CONDITION_WAIT);
        frames.addAll(List.of(outer));
        return IdleWorkers.isWaitingForWork(new BlockingCall(1, "pool-1", false, kind, "", 0, 1_000_000,
                new CallStack(frames, truncated)));
    }

    @Test
    void aJdkPoolWorkerTakingFromItsQueueIsIdle() {
        assertTrue(idle(BlockingKind.PARK, false,
                new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "getTask", 1062),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1122),
                new Frame("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
                new Frame("java.lang.Thread", "run", 840)));
    }

    @Test
    void aLibrarysOwnQueueAndLockWrapperPolledByItsRunLoopIsIdle() {
        assertTrue(idle(BlockingKind.PARK, false,
                new Frame("com.example.pool.Lock$WithCondition", "awaitNanos", 194),
                new Frame("com.example.pool.ArrayQueue", "poll", 273),
                new Frame("com.example.pool.Pool$Runner", "idleJobPoll", 1169),
                new Frame("com.example.pool.Pool$Runner", "run", 1186),
                new Frame("java.lang.Thread", "runWith", 1487),
                new Frame("java.lang.Thread", "run", 1474)));
        assertTrue(idle(BlockingKind.PARK, false,
                new Frame("java.util.concurrent.Semaphore", "tryAcquire", 415),
                new Frame("com.example.pool.Reserved$Thread", "waitForTask", 357),
                new Frame("com.example.pool.Reserved$Thread", "run", 296),
                new Frame("com.example.pool.Pool", "runJob", 1009),
                new Frame("com.example.pool.Pool$Runner", "doRunJob", 1240),
                new Frame("com.example.pool.Pool$Runner", "run", 1186),
                new Frame("java.lang.Thread", "run", 840)), "a reserved thread waiting to be handed a task");
    }

    @Test
    void aWaitUnderAHandlerIsWorkNotIdlenessThoughAPoolRunsIt() {
        assertFalse(idle(BlockingKind.PARK, false,
                new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435),
                new Frame("com.example.Handler", "onRequest", 40),
                new Frame("com.example.pool.Pool", "runJob", 1009),
                new Frame("com.example.pool.Pool$Runner", "run", 1186),
                new Frame("java.lang.Thread", "run", 840)));
    }

    @Test
    void aLockTakenRightUnderTheRunLoopWithNoWaitForWorkIsNotIdle() {
        assertFalse(idle(BlockingKind.PARK, false,
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("com.example.Loop", "run", 12),
                new Frame("java.lang.Thread", "run", 840)));
    }

    @Test
    void aCutShortStackASleepOrAStackWithoutAThreadRootIsNeverIdle() {
        Frame take = new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435);
        Frame run = new Frame("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635);
        Frame root = new Frame("java.lang.Thread", "run", 840);
        assertFalse(idle(BlockingKind.PARK, true, take, run, root), "its handler may be cut off");
        assertFalse(idle(BlockingKind.SLEEP, false, take, run, root));
        assertFalse(idle(BlockingKind.PARK, false, take, run));
    }
}
