package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LoopThreadsTest {
    private final LoopThreads loops = new LoopThreads(null, null);

    @Test
    void theNonBlockingThreadsOfReactorsAndRxJavasSchedulersAreLoopsAsNettysAre() {
        assertEquals("named like a Reactor event loop", loops.reasonFor(1, "parallel-3"));
        assertEquals("named like a Reactor event loop", loops.reasonFor(1, "single-1"));
        assertEquals("named like a RxJava event loop", loops.reasonFor(1, "RxComputationThreadPool-12"));
        assertEquals("named like a Netty event loop", loops.reasonFor(1, "nioEventLoopGroup-2-1"));
    }

    @Test
    void aNameMustMatchWhole() {
        assertNull(loops.reasonFor(1, "parallel-gc-1"));
        assertNull(loops.reasonFor(1, "boundedElastic-1"));
        assertNull(loops.reasonFor(1, "RxCachedThreadScheduler-1"));
    }
}
