package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.source.ChunkedLogReader;
import io.iotrace.analyzers.source.perf.PerfCallPairing;
import io.iotrace.analyzers.source.perf.PerfScriptFormat;
import io.iotrace.analyzers.source.perf.PerfTraceReader;
import io.iotrace.analyzers.source.strace.StraceFormat;
import io.iotrace.analyzers.source.LogFormatSniffer;
import io.iotrace.analyzers.source.ParseProblems;
import io.iotrace.analyzers.syscall.SyscallAggregator;
import io.iotrace.analyzers.event.SyscallEventSink;
import io.iotrace.analyzers.source.SyscallLogException;
import io.iotrace.analyzers.syscall.SyscallReport;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads strace logs, perf trace logs and perf script output of syscall tracepoints, and classifies every process
 * and thread in them: the entry point.
 *
 * <p>It sits in its own package because it joins the readers ({@code source.strace}, {@code source.perf}) to the
 * aggregation ({@code syscall}), which the readers depend on: keeping it in {@code syscall} made a cycle.
 */
public final class SyscallLogAnalyzer {
    private SyscallLogAnalyzer() {
    }

    /**
     * Analyzes logs that belong together (one {@code -f} log, or the files of one {@code -ff} run).
     *
     * @param strict fail on the first malformed line instead of skipping and counting it
     * @throws SyscallLogException when a file is not a syscall log, nothing in it could be read, or (strict) a
     *                             line is malformed
     */
    public static SyscallReport analyze(List<Path> files, boolean strict) throws IOException {
        return analyze(files, strict, null);
    }

    /**
     * Analyzes logs and also hands every event to {@code alsoTo} (per thread in log order), so that another
     * consumer, such as the correlation with a recording, needs no second pass over the files.
     *
     * @param alsoTo the other consumer, or null
     */
    public static SyscallReport analyze(List<Path> files, boolean strict, SyscallEventSink alsoTo)
            throws IOException {
        int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "iotrace-strace-parser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ParseProblems problems = new ParseProblems(strict);
            SyscallAggregator aggregator = new SyscallAggregator(parallelism);
            SyscallEventSink perfSink = alsoTo == null ? aggregator : event -> {
                aggregator.accept(event);
                alsoTo.accept(event);
            };
            ChunkedLogReader chunked = new ChunkedLogReader(workers, parallelism, aggregator);
            long lines = 0;
            List<String> names = new ArrayList<>();
            for (Path file : files) {
                LogFormatSniffer.Sniff sniff = sniff(file);
                if (!sniff.format().readable()) {
                    throw new SyscallLogException(file, sniff.line(), sniff.refusal());
                }
                long eventsBefore = aggregator.events();
                long skippedBefore = problems.skippedLines();
                long fileLines = switch (sniff.format()) {
                    case PERF_TRACE -> PerfTraceReader.read(file, perfSink, problems);
                    case PERF_SCRIPT_SYSCALLS -> {
                        PerfCallPairing pairing = new PerfCallPairing(aggregator, aggregator, alsoTo);
                        long read = chunked.read(file, PerfScriptFormat.parsers(file), pairing::accept, null,
                                problems);
                        pairing.finish();
                        yield read;
                    }
                    default -> chunked.read(file, StraceFormat.parsers(file), aggregator::acceptPartition, alsoTo,
                            problems);
                };
                if (aggregator.events() == eventsBefore) {
                    throw new SyscallLogException(file, 0, "nothing could be read: all "
                            + (problems.skippedLines() - skippedBefore) + " lines were malformed");
                }
                lines += fileLines;
                names.add(file.toString());
            }
            return aggregator.report(names, lines, problems);
        } finally {
            workers.shutdownNow();
        }
    }

    private static LogFormatSniffer.Sniff sniff(Path file) throws IOException {
        try {
            return LogFormatSniffer.sniff(file);
        } catch (NoSuchFileException e) {
            throw new SyscallLogException(file, 0, "no such file");
        }
    }
}
