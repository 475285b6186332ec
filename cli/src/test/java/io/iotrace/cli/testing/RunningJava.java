package io.iotrace.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process started by a test: its standard output and error are collected in full (raw bytes, so a test can
 * compare them exactly), its standard input stays open until {@link #closeStdin()} (how fixture servers are told
 * to stop), and {@link #close()} kills it if it is still alive.
 */
public final class RunningJava implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path recordingDirectory;
    private final Collected stdout;
    private final Collected stderr;

    RunningJava(String name, Process process, Path recordingDirectory) {
        this.name = name;
        this.process = process;
        this.recordingDirectory = recordingDirectory;
        this.stdout = new Collected(name + "-stdout", process.getInputStream());
        this.stderr = new Collected(name + "-stderr", process.getErrorStream());
    }

    /** Wraps any started process (an {@code iotrace} CLI, a shell) with the same collection and clean-up. */
    public static RunningJava of(String name, Process process) {
        return new RunningJava(name, process, null);
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The recording the agent writes for this JVM: {@code iotrace-<pid>.iotrace} in the traced directory. */
    public Path recording() {
        if (recordingDirectory == null) {
            throw new IllegalStateException(name + " runs without the agent");
        }
        return recordingDirectory.resolve("iotrace-" + process.pid() + ".iotrace");
    }

    /** Waits for an output line that starts with {@code prefix} and returns it. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException, TimeoutException {
        return stdout.awaitLine(prefix, timeout, this);
    }

    /** Waits until the process has written {@code text} on its standard error; fails if it ends first. */
    public void awaitStderr(String text, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stderr().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ended without writing '" + text + "': " + describeOutput());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no '" + text + "' within " + timeout + ": " + describeOutput());
            }
            Thread.sleep(20);
        }
    }

    /** The port of a fixture server, from its {@code LISTENING <port>} line. */
    public int awaitListeningPort() throws InterruptedException, TimeoutException {
        return Integer.parseInt(awaitLine("LISTENING ", Duration.ofSeconds(30)).substring("LISTENING ".length()).trim());
    }

    /**
     * Sends SIGTERM, as {@code kill} or a supervisor would. Through the process handle, because
     * {@link Process#destroy()} also closes our ends of the pipes and would lose what the process prints as it stops.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the exit and the end of both outputs; kills the process and fails if it takes longer. */
    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new TimeoutException(name + " did not exit within " + timeout.toMillis() + " ms and was killed; "
                    + describeOutput());
        }
        stdout.awaitEnd();
        stderr.awaitEnd();
        return process.exitValue();
    }

    public byte[] stdoutBytes() {
        return stdout.bytes();
    }

    public String stdout() {
        return new String(stdout.bytes(), StandardCharsets.UTF_8);
    }

    public String stderr() {
        return new String(stderr.bytes(), StandardCharsets.UTF_8);
    }

    /** Both outputs, for assertion messages. */
    public String describeOutput() {
        return "stdout: [" + stdout() + "] stderr: [" + stderr() + "]";
    }

    /** Exits with its code, or throws with its output when it fails: for programs that must succeed. */
    public void awaitSuccess(Duration timeout) throws InterruptedException, TimeoutException {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError(name + " exited with " + code + "; " + describeOutput());
        }
    }

    /** Whether the recording file exists yet (the agent creates it at start). */
    public boolean recordingExists() {
        return Files.exists(recording());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One output stream of the child, read to its end by a daemon thread. */
    private static final class Collected {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread pump;
        private boolean ended;

        Collected(String name, InputStream in) {
            pump = new Thread(() -> pump(in), name);
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(InputStream in) {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (this) {
                        bytes.write(chunk, 0, n);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process was killed: what it wrote so far is all there is.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized String awaitLine(String prefix, Duration timeout, RunningJava owner)
                throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new TimeoutException(owner.name + (ended ? " ended its output" : " printed nothing")
                            + " without a line starting '" + prefix + "'; " + owner.describeOutput());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        void awaitEnd() throws InterruptedException {
            pump.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
