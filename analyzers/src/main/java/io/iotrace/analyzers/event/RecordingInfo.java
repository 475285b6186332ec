package io.iotrace.analyzers.event;

/**
 * What a recording says about the JVM it came from.
 *
 * @param pid               the traced JVM's process id
 * @param javaVersion       {@code java.version} of the traced JVM
 * @param command           {@code sun.java.command} of the traced JVM (main class or jar and its arguments)
 * @param selectorProvider  class name of the JDK's default selector provider (tells epoll from poll)
 * @param epochNanosAtStart wall-clock time, in ns since the epoch, at {@link #nanoTimeAtStart}
 * @param nanoTimeAtStart   {@code System.nanoTime()} at the same instant: maps event times to wall clock
 */
public record RecordingInfo(long pid, String javaVersion, String command, String selectorProvider,
                            long epochNanosAtStart, long nanoTimeAtStart) {

    /** Wall-clock ns since the epoch for a {@code System.nanoTime()} value of this JVM. */
    public long toEpochNanos(long nanoTime) {
        return epochNanosAtStart + (nanoTime - nanoTimeAtStart);
    }

    /** The {@code System.nanoTime()} value of this JVM at a wall-clock time in ns since the epoch. */
    public long toNanoTime(long epochNanos) {
        return nanoTimeAtStart + (epochNanos - epochNanosAtStart);
    }
}
