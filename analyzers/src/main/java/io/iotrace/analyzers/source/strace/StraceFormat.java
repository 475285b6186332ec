package io.iotrace.analyzers.source.strace;

import io.iotrace.analyzers.source.SyscallLineParser;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The strace log format, for the {@link io.iotrace.analyzers.source.ChunkedLogReader}. */
public final class StraceFormat {
    private StraceFormat() {
    }

    /** Parsers of one strace log: a line without a pid is of the thread its {@code -ff} file is named after. */
    public static Supplier<SyscallLineParser> parsers(Path file) {
        int fileTid = StraceFileNames.tidOf(file);
        return () -> new StraceLineParser(fileTid);
    }
}
