package io.iotrace.cli.attach;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long an attached session records: until a deadline, Ctrl-C (or SIGTERM), or the target's exit, whichever
 * comes first. A signal ends the recording, not the CLI: the JVM exits only once the window is closed, so that the
 * report of what was recorded still comes out.
 */
public final class RecordingWindow implements AutoCloseable {
    private static final long LIVENESS_CHECK_MILLIS = 100;
    /** How long a signal holds the CLI's exit for the report. */
    private static final long REPORT_GRACE_SECONDS = 60;

    private final long pid;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread onSignal;

    private RecordingWindow(long pid) {
        this.pid = pid;
        this.onSignal = new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iotrace-stop");
    }

    /** Opens the window on the recording of {@code pid}: from now on a signal ends the recording. */
    public static RecordingWindow open(long pid) {
        RecordingWindow window = new RecordingWindow(pid);
        Runtime.getRuntime().addShutdownHook(window.onSignal);
        return window;
    }

    /**
     * Waits until {@code deadlineNanos} ({@code System.nanoTime()}; {@code Long.MAX_VALUE} for no deadline), a
     * signal, or the target's exit, which {@code warnings} is told of.
     *
     * @return whether the deadline came first, so the recording may go on
     */
    public boolean awaitUntil(long deadlineNanos, List<String> warnings) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            long waitMillis = Math.min(LIVENESS_CHECK_MILLIS, (deadlineNanos - System.nanoTime()) / 1_000_000);
            if (stopRequested.await(waitMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                warnings.add("pid " + pid + " exited during the recording");
                return false;
            }
        }
        return true;
    }

    /** Whether a signal asked the recording to end, for a view that checks between refreshes. */
    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Lets a signal end the CLI again; call it once the report is out. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // Stopping on a signal: the hook is running and returns now that the report is out.
        }
    }
}
