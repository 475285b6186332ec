package io.iotrace.analyzers.correlate;

import java.util.Map;

/**
 * The syscalls inside one kind of Java call.
 *
 * @param calls     how many such calls the recording holds (on OS threads)
 * @param syscalls  syscall name to how many were made inside these calls
 * @param perCall   what one call asked the kernel for, e.g. {@code "read"}, {@code "poll+read"},
 *                  {@code "2×write"} or {@code "none"}, to how many calls made exactly that; the JVM's own
 *                  housekeeping inside a call ({@code futex}) is counted in {@link #syscalls} only
 */
public record CallSyscalls(String operation, String buffer, String resource, long calls, Map<String, Long> syscalls,
                           Map<String, Long> perCall) {

    /** Calls that made exactly the syscalls of {@code pattern} (as in {@link #perCall}). */
    public long callsThatMade(String pattern) {
        return perCall.getOrDefault(pattern, 0L);
    }
}
