package io.iotrace.cli.attach;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Linux says about a process, from {@code /proc/<pid>}: owner, threads, resident memory and the bytes its
 * read and write calls moved. Figures the caller may not read (another user's process) are -1.
 *
 * @param pid          the process id
 * @param uid          the owner's user id
 * @param user         the owner's name, or the uid when it has none
 * @param threads      threads, as counted by the kernel
 * @param rssBytes     resident memory
 * @param readBytes    bytes returned by read-like calls, sockets and cached files included ({@code rchar})
 * @param writtenBytes bytes given to write-like calls ({@code wchar})
 * @param started      when the process started, null when unknown
 * @param mapsJvm      whether its memory maps hold {@code libjvm.so}; false when they cannot be read
 * @param namespacePid its pid in its own pid namespace (a container's), which names its attach files
 * @param catchesQuit  whether it has a handler for SIGQUIT, which would otherwise kill it
 */
public record ProcessFacts(long pid, int uid, String user, int threads, long rssBytes, long readBytes,
                           long writtenBytes, Instant started, boolean mapsJvm, long namespacePid,
                           boolean catchesQuit) {
    private static final int SIGQUIT = 3;

    /** The facts of {@code pid}, or empty when there is no such process. */
    public static Optional<ProcessFacts> of(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        int uid;
        try {
            uid = (Integer) Files.getAttribute(dir, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        ProcessHandle.Info info = handle.get().info();
        String status = readOrEmpty(dir.resolve("status"));
        String io = readOrEmpty(dir.resolve("io"));
        return Optional.of(new ProcessFacts(pid, uid, info.user().orElse(Integer.toString(uid)),
                (int) field(status, "Threads:"), field(status, "VmRSS:") * 1024, field(io, "rchar:"),
                field(io, "wchar:"), info.startInstant().orElse(null),
                readOrEmpty(dir.resolve("maps")).contains("/libjvm.so"), namespacePid(status, pid),
                catches(status, SIGQUIT)));
    }

    /** Whether {@code pid} handles SIGQUIT now; false when it is gone. */
    static boolean catchesQuit(long pid) {
        return catches(readOrEmpty(Path.of("/proc", Long.toString(pid), "status")), SIGQUIT);
    }

    /** The last pid of the {@code NSpid:} line, the innermost namespace's; {@code pid} on kernels without it. */
    private static long namespacePid(String status, long pid) {
        String[] pids = valueOf(status, "NSpid:").split("\\s+");
        try {
            return Long.parseLong(pids[pids.length - 1]);
        } catch (NumberFormatException e) {
            return pid;
        }
    }

    /** Whether the {@code SigCgt:} mask (hex, bit n-1 for signal n) says the process handles {@code signal}. */
    private static boolean catches(String status, int signal) {
        try {
            return new BigInteger(valueOf(status, "SigCgt:"), 16).testBit(signal - 1);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The uid this CLI runs as. */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new AttachFailure("cannot tell which user iotrace runs as: " + e.getMessage());
        }
    }

    public Duration uptime() {
        return started == null ? null : Duration.between(started, Instant.now());
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    /** The first number after {@code label} at the start of a line, or -1. */
    private static long field(String text, String label) {
        try {
            return Long.parseLong(valueOf(text, label).split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What follows {@code label} on the line it starts, trimmed; empty when no line starts with it. */
    private static String valueOf(String text, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).trim();
            }
        }
        return "";
    }
}
