package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.StraceWindow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * strace joined to a running JVM for {@code attach --strace}: {@code -p} with {@code -f} takes every thread of the
 * process, and the log has the options of {@code run --strace}. {@code --seccomp-bpf} is not possible here (the
 * filter can only be installed in a process strace starts), so every syscall of the target stops it, not only the
 * logged ones; the report measures what that cost.
 */
public final class AttachedStrace {
    private static final long DETACH_SECONDS = 10;

    private final Process strace;
    private final Path log;
    private final long joinedNanos;
    private long detachedNanos = Long.MAX_VALUE;

    private AttachedStrace(Process strace, Path log, long joinedNanos) {
        this.strace = strace;
        this.log = log;
        this.joinedNanos = joinedNanos;
    }

    /**
     * Starts strace on {@code pid} and returns once it has attached to all the threads.
     *
     * @throws StraceUnavailable when strace is missing, may not trace the pid, or does not attach in time
     */
    public static AttachedStrace join(long pid, Path directory, Duration timeout) throws InterruptedException {
        Path log = StraceWrapper.log(directory);
        Process strace;
        try {
            strace = new ProcessBuilder("strace", "-f", "-e", "trace=" + StraceWrapper.TRACED, "-ttt", "-T", "-yy",
                    "-o", log.toString(), "-p", Long.toString(pid)).start();
        } catch (IOException e) {
            throw new StraceUnavailable("cannot run strace: " + e.getMessage());
        }
        List<String> said = new ArrayList<>();
        CompletableFuture<Long> attached = new CompletableFuture<>();
        Thread reader = new Thread(() -> readMessages(strace, said, attached), "iotrace-strace-messages");
        reader.setDaemon(true);
        reader.start();
        try {
            long joined = attached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new AttachedStrace(strace, log, joined);
        } catch (InterruptedException e) {
            letGo(strace);
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            letGo(strace);
            String message;
            synchronized (said) {
                message = said.isEmpty() ? "it did not attach within " + timeout.toSeconds() + " s"
                        : String.join("; ", said);
            }
            throw new StraceUnavailable("strace could not trace pid " + pid + ": " + message);
        }
    }

    /**
     * strace says {@code Process N attached with K threads} once it holds them all; anything else it says before
     * that is why it could not.
     */
    private static void readMessages(Process strace, List<String> said, CompletableFuture<Long> attached) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(strace.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (!attached.isDone() && line.contains(" attached")) {
                    attached.complete(System.nanoTime());
                } else if (!attached.isDone()) {
                    synchronized (said) {
                        said.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // strace ended: what it said is in the list.
        }
        attached.completeExceptionally(new IOException("strace ended"));
    }

    /** While strace held the target: from when it had joined every thread to when it was told to let go. */
    public StraceWindow window() {
        return new StraceWindow(joinedNanos, detachedNanos);
    }

    public Path log() {
        return log;
    }

    /** Detaches strace from the target (SIGTERM makes strace let go of every thread) and waits for it. */
    public void detach() throws InterruptedException {
        detachedNanos = System.nanoTime();
        letGo(strace);
    }

    /** SIGTERM, which strace answers by detaching from every thread; SIGKILL only if it does not end. */
    private static void letGo(Process strace) throws InterruptedException {
        strace.destroy();
        if (!strace.waitFor(DETACH_SECONDS, TimeUnit.SECONDS)) {
            strace.destroyForcibly();
            strace.waitFor(DETACH_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** strace could not be joined to the target; the recording goes on without it. */
    public static final class StraceUnavailable extends RuntimeException {
        StraceUnavailable(String message) {
            super(message);
        }
    }
}
