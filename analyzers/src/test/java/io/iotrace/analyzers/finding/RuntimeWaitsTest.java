package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeWaitsTest {

    /** The main class of the JVMs these stacks come from is in {@code com.example}. */
    private static final RuntimeWaits RUNTIME_WAITS = new RuntimeWaits(ApplicationCode.ofCommand("com.example.Main"));

    private static boolean madeBy(BlockingKind kind, CallStack stack) {
        return RUNTIME_WAITS.madeBy(new BlockingCall(1, "loop-1", false, kind, "", 0, 1_000_000, stack));
    }

    @Test
    void nettyHandingATaskToAnExecutorsQueueIsTheFrameworksWait() {
        // What a Netty loop thread did while shutting down, as Flight Recorder saw it on a CI machine.
        CallStack shutdown = new CallStack(List.of(new Frame("jdk.internal.misc.Unsafe", "park", -1),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("java.util.concurrent.LinkedBlockingQueue", "offer", 423),
                new Frame("io.netty.util.concurrent.GlobalEventExecutor", "addTask", 162),
                new Frame("io.netty.util.concurrent.DefaultPromise", "setSuccess", 111),
                new Frame("io.netty.util.concurrent.SingleThreadEventExecutor$5", "run", 1294)));

        assertTrue(madeBy(BlockingKind.PARK, shutdown));
    }

    @Test
    void aHandlerThatSleepsUnderNettysLoopIsTheApplicationsWait() {
        CallStack sleep = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", -1),
                new Frame("com.example.Echo", "channelRead", 60),
                new Frame("io.netty.channel.nio.NioIoHandler", "run", 484),
                new Frame("io.netty.util.concurrent.SingleThreadEventExecutor$5", "run", 1204)));

        assertFalse(madeBy(BlockingKind.SLEEP, sleep));
    }

    @Test
    void loadingOrInitializingAClassIsTheJvmsWait() {
        assertTrue(madeBy(BlockingKind.FILE_READ, new CallStack(List.of(
                new Frame("java.io.FileInputStream", "read", 1),
                new Frame("jdk.internal.loader.BuiltinClassLoader", "loadClass", 2)))));
        assertTrue(madeBy(BlockingKind.SLEEP, new CallStack(List.of(
                new Frame("java.lang.Thread", "sleep", 1),
                new Frame("com.example.Config", "<clinit>", 2)))));
    }

    @Test
    void aLockTakenInsideLibrariesWithNoApplicationFrameIsTheirs() {
        // Netty's allocator on a JDK 25 loop, as Flight Recorder saw it on a CI machine.
        CallStack allocator = new CallStack(List.of(new Frame("java.util.concurrent.atomic.Striped64", "casBase", 178),
                new Frame("java.util.concurrent.atomic.LongAdder", "add", 87),
                new Frame("io.netty.buffer.AdaptivePoolingAllocator$ChunkRegistry", "add", 1581),
                new Frame("io.netty.channel.nio.NioIoHandler", "run", 484),
                new Frame("java.lang.Thread", "run", 1474)));

        assertTrue(madeBy(BlockingKind.MONITOR_ENTER, allocator));
        assertFalse(madeBy(BlockingKind.FILE_READ, allocator), "a library's I/O is a finding");
    }

    @Test
    void anyLibrarysOwnLockIsItsOwnNotOnlyAListedFrameworks() {
        // Jetty's selector lock on a pool thread running its selector, as Flight Recorder saw it in the corpus:
        // no frame of the application (com.example) on the stack, and Jetty named nowhere in iotrace.
        CallStack selector = new CallStack(List.of(new Frame("jdk.internal.misc.Unsafe", "park", -1),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("org.eclipse.jetty.util.thread.AutoLock", "lock", 47),
                new Frame("org.eclipse.jetty.io.ManagedSelector", "submit", 289),
                new Frame("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run", 1164),
                new Frame("java.lang.Thread", "run", 840)));
        CallStack handler = new CallStack(List.of(new Frame("jdk.internal.misc.Unsafe", "park", -1),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("com.example.HelloHandler", "handle", 30),
                new Frame("org.eclipse.jetty.server.Server", "handle", 600),
                new Frame("java.lang.Thread", "run", 840)));

        assertTrue(madeBy(BlockingKind.PARK, selector));
        assertFalse(madeBy(BlockingKind.PARK, handler), "the application's handler took the lock");
    }

    @Test
    void aLockTakenUnderAnApplicationFrameIsTheApplications() {
        CallStack handler = new CallStack(List.of(new Frame("java.util.concurrent.locks.LockSupport", "park", 211),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322),
                new Frame("com.example.Handler", "channelRead", 12),
                new Frame("io.netty.channel.nio.NioIoHandler", "run", 484)));

        assertFalse(madeBy(BlockingKind.PARK, handler));
    }

    @Test
    void anApplicationTaskThatNettyRunsWhileShuttingDownIsTheApplications() {
        CallStack task = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", -1),
                new Frame("com.example.Cleanup", "run", 7),
                new Frame("io.netty.util.concurrent.SingleThreadEventExecutor", "runAllTasks", 480),
                new Frame("io.netty.util.concurrent.SingleThreadEventExecutor", "confirmShutdown", 900)));

        assertFalse(madeBy(BlockingKind.SLEEP, task));
    }

    @Test
    void aLibraryWaitingForAFutureOrOnACutShortStackIsNoLockOfItsOwn() {
        CallStack futureGet = new CallStack(List.of(new Frame("java.util.concurrent.locks.LockSupport", "park", 211),
                new Frame("java.util.concurrent.FutureTask", "awaitDone", 447),
                new Frame("java.util.concurrent.FutureTask", "get", 190),
                new Frame("io.netty.channel.nio.NioIoHandler", "run", 484)));
        CallStack cutShort = new CallStack(List.of(new Frame("java.util.concurrent.locks.LockSupport", "park", 211),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", 322)), true);

        assertFalse(madeBy(BlockingKind.PARK, futureGet));
        assertFalse(madeBy(BlockingKind.PARK, cutShort), "its application frame may be cut off");
    }

    @Test
    void whatAClassInitializerDoesIsTheJvmsWhereverTheApplicationsFramesAre() {
        CallStack init = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", 540),
                new Frame("com.example.Sorter", "sleepUnmounted", 103),
                new Frame("com.example.Sorter$SlowToInitialize", "<clinit>", 94),
                new Frame("com.example.Sorter", "compare", 41)));

        assertTrue(madeBy(BlockingKind.PINNED, init));
    }
}
