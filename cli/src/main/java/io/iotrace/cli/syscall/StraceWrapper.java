package io.iotrace.cli.syscall;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a command under strace for {@code iotrace run --strace}: every process and thread it starts ({@code -f}),
 * wall-clock stamps with µs ({@code -ttt}, what the correlation aligns on), durations ({@code -T}) and decoded
 * descriptors ({@code -yy}). {@code --seccomp-bpf} stops the tracee only at the syscalls asked for, which keeps
 * strace's cost off everything else: descriptor and network calls, process creation (for the process tree) and
 * futex (the JVM's locks and parking, which the report shows as the JVM's own).
 */
public final class StraceWrapper {
    /** The log's name in the recording directory. */
    public static final String LOG_NAME = "strace.log";
    static final String TRACED = "%desc,%network,%process,futex";

    private StraceWrapper() {
    }

    /** The command under strace, logging to {@link #log} of {@code directory}. */
    public static List<String> wrap(List<String> command, Path directory) {
        return wrapLoggingTo(command, log(directory));
    }

    static List<String> wrapLoggingTo(List<String> command, Path logFile) {
        List<String> wrapped = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-q", "-e",
                "trace=" + TRACED, "-ttt", "-T", "-yy", "-o", logFile.toString(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    public static Path log(Path directory) {
        return directory.resolve(LOG_NAME);
    }
}
