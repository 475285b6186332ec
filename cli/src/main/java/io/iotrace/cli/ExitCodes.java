package io.iotrace.cli;

/** What iotrace's exit codes mean. {@code run} passes on the traced command's own code instead. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Findings at or above the threshold ({@code lint}). */
    public static final int FINDINGS = 1;
    public static final int USAGE_OR_INPUT = 2;

    private ExitCodes() {
    }
}
