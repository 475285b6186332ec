package io.iotrace.analyzers.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Counts the lines a parser skipped and keeps a few of them as warnings; in strict mode the first one fails. */
public final class ParseProblems {
    private static final int KEPT_WARNINGS = 20;

    private final boolean strict;
    private final List<String> warnings = new ArrayList<>();
    private long skippedLines;
    private long unlistedWarnings;

    public ParseProblems(boolean strict) {
        this.strict = strict;
    }

    /** A line the parser could not read: skipped and counted, or in strict mode the end of the analysis. */
    public void malformed(Path file, long line, String why, String excerpt) throws SyscallLogException {
        if (strict) {
            throw new SyscallLogException(file, line, why + ": " + excerpt);
        }
        skippedLines++;
        warn(SyscallLogException.location(file, line) + ": skipped, " + why + ": " + excerpt);
    }

    /**
     * The last line has no newline: the tracer was stopped while writing it. Skipped with a warning, since a
     * killed tracer is common; in strict mode it fails like any other line that cannot be read.
     */
    public void truncatedLastLine(Path file, long line) throws SyscallLogException {
        if (strict) {
            throw new SyscallLogException(file, line, "the last line is cut short (was the tracer killed?)");
        }
        skippedLines++;
        warn(SyscallLogException.location(file, line) + ": skipped, the last line is cut short "
                + "(was the tracer killed?)");
    }

    public void warn(String warning) {
        if (warnings.size() < KEPT_WARNINGS) {
            warnings.add(warning);
        } else {
            unlistedWarnings++;
        }
    }

    public long skippedLines() {
        return skippedLines;
    }

    /** The warnings kept, followed by a line saying how many more there were. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (unlistedWarnings > 0) {
            all.add("... and " + unlistedWarnings + " more warnings");
        }
        return all;
    }
}
