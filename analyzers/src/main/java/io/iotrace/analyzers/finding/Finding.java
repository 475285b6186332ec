package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * Blocking calls of one kind, from one stack, on event-loop threads: what {@code iotrace lint} reports.
 *
 * @param fingerprint         stable across runs and line edits: the kind and the stack's methods, hashed
 * @param kind                what blocked
 * @param threads             the loop threads that made the call, in the order first seen
 * @param loopReason          why the first of them is taken for an event loop
 * @param resource            on what (the first seen, when several)
 * @param count               how many calls
 * @param totalNanos          their time, added up
 * @param maxNanos            the longest call
 * @param maxStallNanos       the longest loop iteration that contained one of the calls (selector return to next
 *                            select); -1 when the loop's selects are not known
 * @param topApplicationFrame the first frame outside the JDK and the frameworks: where to look
 * @param stack               the call's stack, innermost first
 * @param startUpRule         for a wait of the server's start-up, which rule made it one (the first call's, when
 *                            several); null for a finding of the steady state
 */
public record Finding(String fingerprint, BlockingKind kind, List<String> threads, String loopReason, String resource,
                      long count, long totalNanos, long maxNanos, long maxStallNanos, Frame topApplicationFrame,
                      CallStack stack, String startUpRule) {
    /** Whether every call of it was a wait of the server's start-up (see {@link #startUpRule}). */
    public boolean startUp() {
        return startUpRule != null;
    }
}
