package io.iotrace.analyzers.source;

import java.io.IOException;
import java.nio.file.Path;

/** A syscall log that cannot be read, with the file and line (0 when the whole file is at fault) it concerns. */
public final class SyscallLogException extends IOException {
    private final Path file;
    private final long line;

    public SyscallLogException(Path file, long line, String problem) {
        super(location(file, line) + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    static String location(Path file, long line) {
        String name = String.valueOf(file);
        return line > 0 ? name + ":" + line : name;
    }
}
