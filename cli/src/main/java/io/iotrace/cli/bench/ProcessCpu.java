package io.iotrace.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** CPU time of a live process as the kernel accounts it: user + system time of all its threads, ended ones too. */
final class ProcessCpu {
    /** {@code /proc} counts in USER_HZ ticks, which the Linux ABI fixes at 100 per second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** Reads utime + stime (fields 14 and 15) of {@code /proc/<pid>/stat}, in ns. */
    static long nanos(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String line;
        try {
            line = Files.readString(stat);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read the server's CPU time: " + stat + " does not exist (the benchmark"
                    + " reads Linux's /proc, and the process must still be running)", e);
        }
        // Field 2, the command name, is in parentheses and may hold spaces: count fields after its closing one.
        int close = line.lastIndexOf(')');
        String[] fields = close < 0 ? new String[0] : line.substring(close + 2).split(" ");
        if (fields.length < 13) {
            throw new IOException(stat + ": expected at least 15 fields, got '" + line.strip() + "'");
        }
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}
