package io.iotrace.cli.attach;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a HotSpot JVM's attach listener the way the JDK's own client does (a trigger file in its working or
 * temporary directory, then SIGQUIT) but looks for the listener's socket every few milliseconds: JDK 17's
 * client sleeps 100 ms before its first look and 200 ms before its second, most of a first attach's wait. Once
 * the socket is there, the JDK's client connects at once; where this shortcut cannot be taken (no {@code kill},
 * a process whose {@code /proc} entries cannot be read), the JDK's client does it all.
 */
final class AttachListener {
    private static final long POLL_MILLIS = 5;
    /** {@code kill} takes milliseconds; when it takes longer, the JDK's client, which signals natively, takes over. */
    private static final long KILL_SECONDS = 2;

    private AttachListener() {
    }

    /**
     * Returns once the listener of {@code jvm} accepts connections, or when the shortcut cannot be taken; false
     * when the listener did not start within {@code timeout}.
     *
     * @throws AttachFailure when SIGQUIT would not start the listener but could kill the JVM
     */
    static boolean start(ProcessFacts jvm, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path tmp = Path.of("/proc", Long.toString(jvm.pid()), "root", "tmp");
        Path socket = tmp.resolve(".java_pid" + jvm.namespacePid());
        if (Files.exists(socket)) {
            return true;
        }
        awaitQuitHandler(jvm, deadline - timeout.toNanos() / 2);
        Optional<Path> trigger = createTrigger(jvm, tmp);
        if (trigger.isEmpty()) {
            return true;
        }
        try {
            if (!sendQuit(jvm.pid())) {
                return true;
            }
            while (!Files.exists(socket)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } finally {
            try {
                Files.deleteIfExists(trigger.get());
            } catch (IOException e) {
                // Left behind, it only makes the JVM's next SIGQUIT start the listener again.
            }
        }
    }

    /**
     * A JVM installs its SIGQUIT handler early in its start-up; one that has none by {@code deadline} is still
     * starting or runs with {@code -Xrs} (which opens the socket at start-up, so it lost it since), and the
     * signal's default action ends a process.
     */
    private static void awaitQuitHandler(ProcessFacts jvm, long deadline) throws InterruptedException {
        boolean catches = jvm.catchesQuit();
        while (!catches) {
            if (System.nanoTime() > deadline) {
                throw new AttachFailure("pid " + jvm.pid() + " does not handle SIGQUIT (it is still starting, or runs"
                        + " with -Xrs and lost its attach socket): the signal would not start its attach listener"
                        + " and could kill it");
            }
            Thread.sleep(POLL_MILLIS);
            if (ProcessHandle.of(jvm.pid()).isEmpty()) {
                throw new AttachFailure("no process with pid " + jvm.pid() + " (it exited?)");
            }
            catches = ProcessFacts.catchesQuit(jvm.pid());
        }
    }

    /**
     * The JVM looks for {@code .attach_pid<pid>} in its working directory, then in its {@code /tmp}; empty when
     * neither can be written from here.
     */
    private static Optional<Path> createTrigger(ProcessFacts jvm, Path tmp) {
        String name = ".attach_pid" + jvm.namespacePid();
        for (Path candidate : new Path[] {Path.of("/proc", Long.toString(jvm.pid()), "cwd", name),
                tmp.resolve(name)}) {
            try {
                return Optional.of(Files.createFile(candidate));
            } catch (FileAlreadyExistsException e) {
                return Optional.of(candidate);
            } catch (IOException | SecurityException e) {
                // Try the next place.
            }
        }
        return Optional.empty();
    }

    /** Whether {@code kill -QUIT} signalled the process. */
    private static boolean sendQuit(long pid) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(KILL_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
