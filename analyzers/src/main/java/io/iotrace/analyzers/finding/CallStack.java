package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * The stack of a blocking call, innermost frame first.
 *
 * @param frames    innermost first
 * @param truncated whether the recorder cut it short at its stack depth, so its outer frames are missing
 */
public record CallStack(List<Frame> frames, boolean truncated) {
    /** Packages of the JDK and of the frameworks whose loops we check: their frames are never the culprit. */
    private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.netty.", "reactor.", "io.vertx.", "io.grpc.", "kotlin.", "scala.");

    public CallStack {
        frames = List.copyOf(frames);
    }

    /** A whole stack. */
    public CallStack(List<Frame> frames) {
        this(frames, false);
    }

    /** The first frame in application code, or the innermost frame when all are library frames; null if empty. */
    public Frame topApplicationFrame() {
        for (Frame frame : frames) {
            if (!isLibrary(frame.className())) {
                return frame;
            }
        }
        return frames.isEmpty() ? null : frames.get(0);
    }

    static boolean isLibrary(String className) {
        for (String prefix : LIBRARY_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
