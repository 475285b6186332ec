package io.iotrace.cli.attach;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Starts a HotSpot JVM's attach listener the way the JDK's own client does (a trigger file in its working or
 * temporary directory, then SIGQUIT) but looks for the listener's socket every few milliseconds: JDK 17's
 * client sleeps 100 ms before its first look and 200 ms before its second, most of a first attach's wait. Once
 * the socket is there, the JDK's client connects at once.
 */
final class AttachListener {
    private static final long POLL_MILLIS = 5;

    private AttachListener() {
    }

    /**
     * Returns once the listener of {@code jvm} accepts connections, false when it did not start within
     * {@code timeout}.
     *
     * @throws AttachFailure when SIGQUIT would kill the JVM rather than start its listener
     */
    static boolean start(ProcessFacts jvm, Duration timeout) throws InterruptedException {
        Path root = Path.of("/proc", Long.toString(jvm.pid()), "root", "tmp");
        Path socket = root.resolve(".java_pid" + jvm.namespacePid());
        if (Files.exists(socket)) {
            return true;
        }
        if (!jvm.catchesQuit()) {
            throw new AttachFailure("pid " + jvm.pid() + " does not handle SIGQUIT (it is still starting, or runs"
                    + " with -Xrs and lost its attach socket): the signal would not start its attach listener and"
                    + " could kill it");
        }
        Path trigger = createTrigger(jvm, root);
        try {
            sendQuit(jvm.pid());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(socket)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } finally {
            try {
                Files.deleteIfExists(trigger);
            } catch (IOException e) {
                // Left behind, it only makes the JVM's next SIGQUIT start the listener again.
            }
        }
    }

    /** The JVM looks for {@code .attach_pid<pid>} in its working directory, then in its {@code /tmp}. */
    private static Path createTrigger(ProcessFacts jvm, Path tmp) {
        String name = ".attach_pid" + jvm.namespacePid();
        Path inWorkingDirectory = Path.of("/proc", Long.toString(jvm.pid()), "cwd", name);
        try {
            return Files.createFile(inWorkingDirectory);
        } catch (FileAlreadyExistsException e) {
            return inWorkingDirectory;
        } catch (IOException e) {
            try {
                return Files.createFile(tmp.resolve(name));
            } catch (FileAlreadyExistsException again) {
                return tmp.resolve(name);
            } catch (IOException again) {
                throw new AttachFailure("cannot create the file that asks pid " + jvm.pid() + " to accept attach: "
                        + again.getMessage());
            }
        }
    }

    private static void sendQuit(long pid) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                throw new AttachFailure("could not signal pid " + pid + ": "
                        + new String(kill.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            throw new AttachFailure("could not run kill to signal pid " + pid + ": " + e.getMessage());
        }
    }
}
