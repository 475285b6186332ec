package io.iotrace.analyzers.stats;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.ThreadInfo;
import io.iotrace.analyzers.model.SyntheticEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IoStatsTest {

    private static final int CHUNK = 8192;
    private static final int CHUNKS = 7;
    private static final int LAST = 1000;

    private final SyntheticEvents s = new SyntheticEvents();
    private final ThreadInfo main = s.thread("main");

    /** Reads a file of 7 full chunks and a short one, then end of stream, the way a copy loop does. */
    private CopyStats copyReadSide(ResourceKind kind, BufferKind buffer) {
        Resource file = s.resource(kind, "/tmp/in.bin");
        for (int i = 0; i < CHUNKS; i++) {
            s.io(main, Operation.READ, file, CHUNK, buffer, 2000);
        }
        s.io(main, Operation.READ, file, LAST, buffer, 500);
        s.add(main, Operation.READ, file, true, CHUNK, -1, Outcome.END_OF_STREAM, buffer, 0, 100);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);
        return stats.copies();
    }

    @Test
    void aFileInputStreamCopiesEachChunkTwice() {
        CopyStats c = copyReadSide(ResourceKind.FILE_INPUT_STREAM, BufferKind.HEAP_ARRAY);
        assertEquals(CHUNKS + 1, c.kernelUserCopies());
        assertEquals(CHUNKS + 1, c.jdkCopies());
        assertEquals(CHUNKS * CHUNK + LAST, c.kernelUserBytes());
        assertEquals(CHUNKS * CHUNK + LAST, c.jdkCopyBytes());
        assertEquals(2.0, c.copiesPerByte());
    }

    @Test
    void aFileChannelWithAHeapBufferCopiesEachChunkTwice() {
        CopyStats c = copyReadSide(ResourceKind.FILE_CHANNEL, BufferKind.HEAP_BUFFER);
        assertEquals(CHUNKS + 1, c.jdkCopies());
        assertEquals(2.0, c.copiesPerByte());
    }

    @Test
    void aFileChannelWithADirectBufferCopiesEachChunkOnce() {
        CopyStats c = copyReadSide(ResourceKind.FILE_CHANNEL, BufferKind.DIRECT_BUFFER);
        assertEquals(CHUNKS + 1, c.kernelUserCopies());
        assertEquals(0, c.jdkCopies());
        assertEquals(1.0, c.copiesPerByte());
    }

    @Test
    void transferToMovesTheBytesWithoutAUserSpaceCopy() {
        Resource in = s.resource(ResourceKind.FILE_CHANNEL, "/tmp/in.bin");
        s.add(main, Operation.TRANSFER_TO, in, true, 3_000_000, 2_147_479_552L, Outcome.OK, BufferKind.NONE, 0, 9000);
        s.add(main, Operation.TRANSFER_TO, in, true, 3_000_000, 12_345, Outcome.OK, BufferKind.NONE, 0, 9000);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);
        CopyStats c = stats.copies();
        assertEquals(0, c.kernelUserCopies());
        assertEquals(2, c.zeroCopyTransfers());
        assertEquals(2_147_479_552L + 12_345, c.zeroCopyBytes());
        assertEquals(2_147_479_552L + 12_345, c.bytesDelivered());
        assertEquals(0.0, c.copiesPerByte());
    }

    @Test
    void mappingCountsTheMappedSizeAsZeroCopy() {
        Resource in = s.resource(ResourceKind.FILE_CHANNEL, "/tmp/in.bin");
        s.add(main, Operation.MAP, in, true, 1 << 20, 0, Outcome.OK, BufferKind.MAPPED_BUFFER, 0, 4000);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);
        assertEquals(1, stats.copies().mappings());
        assertEquals(1 << 20, stats.copies().mappedBytes());
        assertEquals(0, stats.copies().kernelUserCopies());
    }

    @Test
    void blockingCallsAreWaitsAndNonBlockingCallsThatFoundNothingAreWouldBlockTime() {
        Resource socket = s.resource(ResourceKind.SOCKET_CHANNEL, "127.0.0.1:5000->127.0.0.1:40000");
        long[] blockingReads = {100_000, 300_000, 200_000, 5_000_000};
        for (long d : blockingReads) {
            s.io(main, Operation.READ, socket, 64, BufferKind.DIRECT_BUFFER, d);
        }
        s.nonBlocking(main, Operation.READ, socket, 0, 700);
        s.nonBlocking(main, Operation.READ, socket, 0, 900);
        s.nonBlocking(main, Operation.READ, socket, 32, 2000);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);

        CallStats reads = stats.calls(WaitKind.READ);
        assertEquals(7, reads.calls());
        assertEquals(3, reads.nonBlockingCalls());
        assertEquals(2, reads.wouldBlock());
        assertEquals(4 * 64 + 32, reads.bytes());
        assertEquals(4, reads.waits().count());
        assertEquals(5_600_000, reads.waits().total());
        assertEquals(5_000_000, reads.waits().max());
        long p50 = reads.waits().percentile(50);
        assertEquals(true, p50 >= 200_000 && p50 <= 200_000 + 200_000 / 32, "p50 " + p50);
        assertEquals(2, stats.wouldBlock());
        assertEquals(1600, stats.wouldBlockNanos());
        assertEquals(5_601_600, stats.totalWaitNanos());
    }

    @Test
    void selectNowThatFindsNoKeyIsWouldBlock() {
        Resource selector = s.resource(ResourceKind.SELECTOR, SyntheticEvents.EPOLL);
        s.add(main, Operation.SELECT, selector, false, 3, 0, Outcome.OK, BufferKind.NONE, 0, 400);
        s.add(main, Operation.SELECT, selector, false, 3, 2, Outcome.OK, BufferKind.NONE, 0, 400);
        s.select(main, selector, 3, 1, 1_000_000);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);
        assertEquals(1, stats.wouldBlock());
        assertEquals(3, stats.calls(WaitKind.SELECT).calls());
        assertEquals(1, stats.calls(WaitKind.SELECT).waits().count());
        assertEquals(1_000_000, stats.calls(WaitKind.SELECT).waits().total());
    }

    @Test
    void asyncCompletionOfAReadCountsItsCopiesOnTheCompletingThread() {
        Resource channel = s.resource(ResourceKind.ASYNC_SOCKET_CHANNEL, "127.0.0.1:5000->127.0.0.1:40000");
        s.add(main, Operation.ASYNC_SUBMIT, channel, false, 4096, 0, Outcome.OK, BufferKind.HEAP_BUFFER, 7, 300);
        s.add(main, Operation.ASYNC_COMPLETE, channel, false, 4096, 100, Outcome.OK, BufferKind.HEAP_BUFFER, 7, 50_000);
        IoStats stats = new IoStats();
        s.events().forEach(stats::record);
        assertEquals(1, stats.copies().kernelUserCopies());
        assertEquals(1, stats.copies().jdkCopies());
        assertEquals(100, stats.copies().kernelUserBytes());
        assertEquals(50_000, stats.calls(WaitKind.ASYNC_COMPLETION).waits().total());
        assertEquals(0, stats.totalWaitNanos());
    }
}
