package io.iotrace.analyzers.correlate;

import java.io.PrintWriter;
import java.util.List;

/**
 * What the syscalls of an strace log show about the Java calls of a recording made at the same time.
 *
 * @param pid                    the recorded JVM
 * @param clock                  how the two clocks were aligned
 * @param javaCalls              calls of the recording on OS threads, all matched against the log
 * @param callsWithoutOsThread   calls of virtual threads, which cannot be matched (their carrier changes)
 * @param callsOutsideStrace     calls strace did not see whole, made before it joined or after it left (attach):
 *                               not counted; the syscalls of one it saw part of are left out with it
 * @param syscallsOutsideStrace  syscalls strace logged while it joined the threads one by one or while it let
 *                               them go, when the calls that made them are among those not seen whole: not matched
 * @param calls                  per kind of call, the syscalls inside
 * @param outsideCalls           per Java thread, syscalls outside any call
 * @param syscallsOfOtherThreads syscalls of threads that made no recorded call (JVM internals, other processes)
 * @param slowdown               how much slower the target ran under strace, or why it is not known
 * @param warnings               why some or all of the matching could not be done
 */
public record CorrelationReport(long pid, String clock, long javaCalls, long callsWithoutOsThread, long callsOutsideStrace,
                                long syscallsOutsideStrace, List<CallSyscalls> calls, List<ThreadOutsideCalls> outsideCalls,
                                long syscallsOfOtherThreads, StraceSlowdown slowdown, List<String> warnings) {

    /** The syscalls inside calls of one operation, buffer and resource kind, or null when there were none. */
    public CallSyscalls call(String operation, String buffer, String resource) {
        return calls.stream().filter(c -> c.operation().equals(operation) && c.buffer().equals(buffer)
                && c.resource().equals(resource)).findFirst().orElse(null);
    }

    /** Writes the report as text for a terminal. */
    public void render(PrintWriter out) {
        new CorrelationRenderer(out).render(this);
    }
}
