package io.iotrace.cli.syscall;

import io.iotrace.analyzers.source.LogFormatSniffer;
import io.iotrace.analyzers.source.SyscallLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files given to {@code iotrace analyze}, sorted into recordings ({@code .iotrace}) and syscall logs (strace
 * or perf trace, told by their content); anything else is refused with what it looks like.
 */
public record AnalyzeInputs(List<Path> recordings, List<Path> syscallLogs) {
    private static final String RECORDING_SUFFIX = ".iotrace";

    /** @throws SyscallLogException for a file that is neither, naming the line that shows what it is */
    public static AnalyzeInputs sort(List<Path> files) throws IOException {
        List<Path> recordings = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(RECORDING_SUFFIX)) {
                recordings.add(file);
                continue;
            }
            if (!Files.exists(file)) {
                throw new SyscallLogException(file, 0, "no such file");
            }
            if (Files.isDirectory(file)) {
                throw new SyscallLogException(file, 0, "a directory, not an iotrace recording or a syscall log");
            }
            LogFormatSniffer.Sniff sniff = LogFormatSniffer.sniff(file);
            if (!sniff.format().readable()) {
                throw new SyscallLogException(file, sniff.line(), "not an iotrace recording or a syscall log,"
                        + " it looks like " + sniff.format().looksLike()
                        + (sniff.detail() != null ? " (" + sniff.detail() + ")" : ""));
            }
            logs.add(file);
        }
        return new AnalyzeInputs(List.copyOf(recordings), List.copyOf(logs));
    }
}
