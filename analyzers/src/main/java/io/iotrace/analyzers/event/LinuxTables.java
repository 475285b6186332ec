package io.iotrace.analyzers.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The x86_64 syscall numbers and the errno numbers of Linux, by name, from tables generated out of the kernel's
 * uapi headers (each resource's first lines say how). Logs that show numbers, such as {@code raw_syscalls}
 * tracepoints, are named with these; the format sniffer uses the syscall names to tell strace from ltrace.
 */
public final class LinuxTables {
    private static final String[] SYSCALLS = load("x86_64-syscalls.txt");
    private static final String[] ERRNOS = load("linux-errnos.txt");
    private static final Set<String> SYSCALL_NAMES = Set.of(Arrays.stream(SYSCALLS)
            .filter(Objects::nonNull).toArray(String[]::new));

    private LinuxTables() {
    }

    /** The name of x86_64 syscall {@code number}, or {@code syscall_<number>} for one the table does not know. */
    public static String syscallName(long number) {
        String name = number >= 0 && number < SYSCALLS.length ? SYSCALLS[(int) number] : null;
        return name != null ? name : "syscall_" + number;
    }

    public static boolean isSyscall(String name) {
        return SYSCALL_NAMES.contains(name);
    }

    /** The name of errno {@code number} (positive), or {@code E<number>} for one the table does not know. */
    public static String errnoName(long number) {
        String name = number > 0 && number < ERRNOS.length ? ERRNOS[(int) number] : null;
        return name != null ? name : "E" + number;
    }

    /** Reads {@code number name} lines into an array indexed by number; {@code #} lines are comments. */
    private static String[] load(String resource) {
        try (InputStream in = LinuxTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            Map<Integer, String> byNumber = new HashMap<>();
            int largest = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split("\\s+");
                int number = Integer.parseInt(fields[0]);
                byNumber.put(number, fields[1]);
                largest = Math.max(largest, number);
            }
            String[] names = new String[largest + 1];
            byNumber.forEach((number, name) -> names[number] = name);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
