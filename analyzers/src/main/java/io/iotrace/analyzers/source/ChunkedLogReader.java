package io.iotrace.analyzers.source;

import io.iotrace.analyzers.event.PartitionedSyscallSink;
import io.iotrace.analyzers.event.SyscallEventBatch;
import io.iotrace.analyzers.event.SyscallEventSink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams a syscall log: reads it in chunks cut at line ends, then on worker threads parses each chunk (a
 * {@link SyscallLineParser} per worker, of the log's format) and adds its events up, one partition of the
 * aggregator per task, each partition fed the chunks in file order. Problems (and the events, for a consumer that
 * wants them) are handed over in file order on the calling thread. Memory is bounded by the chunks in flight.
 */
public final class ChunkedLogReader {
    /** Small enough that a chunk's events are still in cache when its partitions add them up. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** A longer line is skipped rather than held in memory. */
    private static final int MAX_LINE_BYTES = 64 << 20;

    private final ThreadPoolExecutor workers;
    /**
     * Chunks read and not yet added up and settled. Two per worker keep the workers busy (four per worker were no
     * faster on the real-shaped log); more cost memory where it hurts: a log of short-lived threads has over a
     * thousand thread lifetimes per chunk, each kept until its chunk is settled and the thread folded (a log of
     * 100,000 threads needed 56 MiB of heap with four per worker, 40 MiB with two).
     */
    private final int maxInFlight;
    private final ConcurrentLinkedQueue<byte[]> freeBuffers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SyscallEventBatch> freeBatches = new ConcurrentLinkedQueue<>();
    private final PartitionedSyscallSink aggregator;
    /** Per partition, the aggregation of the last chunk submitted: the next one runs after it. */
    private final CompletableFuture<?>[] partitionTails;

    /**
     * @param workers    the threads that parse and add up chunks; the caller owns and shuts them down
     * @param aggregator where the events of every file read go; fed by the workers, one task per partition
     */
    public ChunkedLogReader(ThreadPoolExecutor workers, int parallelism, PartitionedSyscallSink aggregator) {
        this.workers = workers;
        this.maxInFlight = Math.max(4, 2 * parallelism);
        this.aggregator = aggregator;
        this.partitionTails = new CompletableFuture<?>[aggregator.partitions()];
        Arrays.fill(partitionTails, CompletableFuture.completedFuture(null));
    }

    /** Where one partition's events of a chunk go: the aggregator's partition, or a stage before it. */
    @FunctionalInterface
    public interface PartitionFeed {
        /** Called for one partition at a time, chunk after chunk in file order, on a worker. */
        void accept(int partition, SyscallEventBatch events, long firstOrdinal);
    }

    /**
     * Reads one log file; returns when all its events are added up.
     *
     * @param parsers makes the parser of each worker: the log's format
     * @param feed    where each partition's events go; {@link PartitionedSyscallSink#acceptPartition} of the
     *                aggregator given to the constructor, or a stage that hands them on to it
     * @param alsoTo  gets every event the parsers made in file order on the calling thread, or null
     * @return the number of lines read
     */
    public long read(Path file, Supplier<? extends SyscallLineParser> parsers, PartitionFeed feed,
                     SyscallEventSink alsoTo, ParseProblems problems) throws IOException {
        ThreadLocal<SyscallLineParser> parser = ThreadLocal.withInitial(parsers);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        long[] lineBase = {0};
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buffer = takeBuffer();
            int filled = 0;
            boolean skippingLongLine = false;
            while (true) {
                int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
                if (read < 0) {
                    break;
                }
                filled += read;
                if (filled < buffer.length) {
                    continue;
                }
                int lastNewline = lastNewline(buffer, filled);
                if (skippingLongLine) {
                    int firstNewline = firstNewline(buffer, filled);
                    if (firstNewline < 0) {
                        filled = 0;
                        continue;
                    }
                    skippingLongLine = false;
                    filled = compact(buffer, firstNewline + 1, filled);
                    continue;
                }
                if (lastNewline < 0) {
                    if (buffer.length >= MAX_LINE_BYTES) {
                        ParsedChunk bad = ParsedChunk.oneBadLine("line longer than " + (MAX_LINE_BYTES >> 20)
                                + " MiB", excerpt(buffer, 0, 120));
                        inFlight.add(new InFlight(CompletableFuture.completedFuture(bad),
                                CompletableFuture.completedFuture(null), -1));
                        skippingLongLine = true;
                        filled = 0;
                    } else {
                        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    continue;
                }
                byte[] next = takeBuffer();
                int rest = filled - (lastNewline + 1);
                System.arraycopy(buffer, lastNewline + 1, next, 0, rest);
                inFlight.add(submit(buffer, lastNewline + 1, parser, feed));
                buffer = next;
                filled = rest;
                while (inFlight.size() > maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    deliver(inFlight.poll(), file, lineBase, alsoTo, problems);
                }
            }
            int lastNewline = skippingLongLine ? -1 : lastNewline(buffer, filled);
            int tailStart = lastNewline + 1;
            if (lastNewline >= 0) {
                byte[] tail = java.util.Arrays.copyOfRange(buffer, tailStart, filled);
                inFlight.add(submit(buffer, tailStart, parser, feed));
                buffer = tail;
                filled = tail.length;
                tailStart = 0;
            }
            while (!inFlight.isEmpty()) {
                deliver(inFlight.poll(), file, lineBase, alsoTo, problems);
            }
            if (filled > tailStart && !skippingLongLine) {
                lineBase[0]++;
                problems.truncatedLastLine(file, lineBase[0]);
            }
        } finally {
            for (InFlight pending : inFlight) {
                pending.parsed.cancel(true);
                pending.added.cancel(true);
            }
        }
        return lineBase[0];
    }

    /** A chunk being parsed, and its events being added up; {@code firstOrdinal} is -1 for a line skipped whole. */
    private record InFlight(CompletableFuture<ParsedChunk> parsed, CompletableFuture<?> added, long firstOrdinal) {
        boolean isDone() {
            return parsed.isDone() && added.isDone();
        }
    }

    private InFlight submit(byte[] buffer, int length, ThreadLocal<SyscallLineParser> parser, PartitionFeed feed) {
        CompletableFuture<ParsedChunk> parsed = CompletableFuture.supplyAsync(() -> {
            try {
                ParsedChunk chunk = ParsedChunk.parse(parser.get(), buffer, length, takeBatch());
                chunk.events.groupByPartition(aggregator);
                return chunk;
            } finally {
                if (buffer.length == CHUNK_BYTES) {
                    freeBuffers.offer(buffer);
                }
            }
        }, workers);
        long firstOrdinal = aggregator.reserveBatch();
        for (int i = 0; i < partitionTails.length; i++) {
            int partition = i;
            partitionTails[i] = partitionTails[i].thenCombineAsync(parsed, (previous, chunk) -> {
                feed.accept(partition, chunk.events, firstOrdinal);
                return null;
            }, workers);
        }
        return new InFlight(parsed, CompletableFuture.allOf(partitionTails), firstOrdinal);
    }

    private void deliver(InFlight pending, Path file, long[] lineBase, SyscallEventSink alsoTo,
                         ParseProblems problems) throws IOException {
        ParsedChunk chunk;
        try {
            chunk = await(pending.parsed);
            await(pending.added);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                // Out of heap on a worker is the JVM's condition, not the log's: it must not read as a bad line.
                throw error;
            }
            throw new SyscallLogException(file, lineBase[0], "parser failed: " + e.getCause());
        }
        if (pending.firstOrdinal >= 0) {
            aggregator.batchAdded(pending.firstOrdinal);
        }
        for (int i = 0; i < chunk.problemCount; i++) {
            problems.malformed(file, lineBase[0] + chunk.problemLines[i], chunk.problemWhy.get(i),
                    chunk.problemExcerpts.get(i));
        }
        SyscallEventBatch events = chunk.events;
        if (alsoTo != null) {
            for (int i = 0; i < events.size(); i++) {
                alsoTo.accept(events.event(i));
            }
        }
        events.clear();
        freeBatches.offer(events);
        lineBase[0] += chunk.lines;
    }

    /**
     * The future's value, once done. A worker that runs out of heap while a {@link CompletableFuture} records its
     * task's failure (which allocates) dies with the future never completed: when no worker is busy and no task
     * waits while this one is not done, twice a second apart, nothing will complete it.
     */
    private <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        int idleChecks = 0;
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                boolean idle = workers.getActiveCount() == 0 && workers.getQueue().isEmpty();
                idleChecks = idle ? idleChecks + 1 : 0;
                if (idleChecks == 2) {
                    throw new OutOfMemoryError("a parser worker stopped while its task was not done");
                }
            }
        }
    }

    private SyscallEventBatch takeBatch() {
        SyscallEventBatch batch = freeBatches.poll();
        return batch != null ? batch : new SyscallEventBatch(CHUNK_BYTES / 96);
    }

    private byte[] takeBuffer() {
        byte[] buffer = freeBuffers.poll();
        return buffer != null ? buffer : new byte[CHUNK_BYTES];
    }

    private static int lastNewline(byte[] buffer, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int firstNewline(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int compact(byte[] buffer, int from, int to) {
        System.arraycopy(buffer, from, buffer, 0, to - from);
        return to - from;
    }

    /** The start of a line, printable, for a message on one terminal line. */
    static String excerpt(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(to, from + 80);
        for (int i = from; i < shown; i++) {
            int c = bytes[i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        if (to > shown) {
            text.append("...");
        }
        return text.toString();
    }

    /** The events and problems of one chunk, line numbers relative to the chunk. */
    static final class ParsedChunk {
        SyscallEventBatch events;
        long lines;
        long[] problemLines = new long[4];
        List<String> problemWhy = new ArrayList<>();
        List<String> problemExcerpts = new ArrayList<>();
        int problemCount;

        static ParsedChunk parse(SyscallLineParser parser, byte[] buffer, int length, SyscallEventBatch events) {
            ParsedChunk chunk = new ParsedChunk();
            chunk.events = events;
            int lineStart = 0;
            long line = 0;
            for (int i; (i = Newlines.next(buffer, lineStart, length)) >= 0; ) {
                line++;
                if (!parser.parse(buffer, lineStart, i, events)) {
                    chunk.problem(line, parser.problem(), excerpt(buffer, lineStart, i));
                }
                lineStart = i + 1;
            }
            chunk.lines = line;
            return chunk;
        }

        static ParsedChunk oneBadLine(String why, String excerpt) {
            ParsedChunk chunk = new ParsedChunk();
            chunk.events = new SyscallEventBatch(1);
            chunk.lines = 1;
            chunk.problem(1, why, excerpt);
            return chunk;
        }

        private void problem(long line, String why, String excerpt) {
            if (problemCount == problemLines.length) {
                problemLines = java.util.Arrays.copyOf(problemLines, problemCount * 2);
            }
            problemLines[problemCount++] = line;
            problemWhy.add(why);
            problemExcerpts.add(excerpt);
        }
    }
}
