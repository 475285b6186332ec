package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * The stack of a blocking call, innermost frame first.
 *
 * @param frames    innermost first
 * @param truncated whether the recorder cut it short at its stack depth, so its outer frames are missing
 */
public record CallStack(List<Frame> frames, boolean truncated) {
    public CallStack {
        frames = List.copyOf(frames);
    }

    /** A whole stack. */
    public CallStack(List<Frame> frames) {
        this(frames, false);
    }
}
