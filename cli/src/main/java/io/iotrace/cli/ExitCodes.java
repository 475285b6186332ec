package io.iotrace.cli;

/** What iotrace's exit codes mean. {@code run} passes on the traced command's own code instead. */
final class ExitCodes {
    static final int OK = 0;
    /** Findings at or above the threshold ({@code lint}). */
    static final int FINDINGS = 1;
    static final int USAGE_OR_INPUT = 2;

    private ExitCodes() {
    }
}
