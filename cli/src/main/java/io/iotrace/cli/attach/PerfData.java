package io.iotrace.cli.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The string counters a HotSpot JVM publishes in its {@code hsperfdata} file, the file {@code jps} and the JDK's
 * own attach check read: which Java it runs, its command, whether it accepts attach. Reading them is one small
 * file read, where asking the JVM is a round trip through its attach listener.
 *
 * <p>The file is a prologue (magic {@code CA FE C0 C0}, byte order, offset and count of the entries) and a run of
 * entries, each with its length, the offsets of its name and of its data, its type and vector length; a string
 * is a NUL-terminated byte vector. Absent when the JVM runs with {@code -XX:-UsePerfData}.
 */
final class PerfData {
    private static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_BYTES = 32;
    private static final int ENTRY_HEADER_BYTES = 20;
    private static final byte BYTE_VECTOR = 'B';

    private final Map<String, String> strings;

    private PerfData(Map<String, String> strings) {
        this.strings = strings;
    }

    /**
     * The counters of a JVM, read through its own file system; empty when it publishes none we can read. The
     * file is {@code hsperfdata_<user>/<pid>} in its {@code /tmp}, where the user is named as the JVM's own
     * system names it (in a container, maybe not as the host does): any such folder with a file of the JVM's
     * pid, owned by its uid, is the one.
     */
    static Optional<PerfData> of(ProcessFacts jvm) {
        Path tmp = Path.of("/proc", Long.toString(jvm.pid()), "root", "tmp");
        String pid = Long.toString(jvm.namespacePid());
        try {
            Path named = tmp.resolve("hsperfdata_" + jvm.user()).resolve(pid);
            if (isOf(named, jvm)) {
                return parse(Files.readAllBytes(named));
            }
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, "hsperfdata_*")) {
                for (Path folder : folders) {
                    if (isOf(folder.resolve(pid), jvm)) {
                        return parse(Files.readAllBytes(folder.resolve(pid)));
                    }
                }
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // Unreadable: the attach asks the JVM instead.
        }
        return Optional.empty();
    }

    private static boolean isOf(Path file, ProcessFacts jvm) throws IOException {
        return Files.isRegularFile(file) && (Integer) Files.getAttribute(file, "unix:uid") == jvm.uid();
    }

    /** The counters in {@code bytes}; empty when they are not a perf data file or are cut short. */
    static Optional<PerfData> parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < PROLOGUE_BYTES || buffer.getInt(0) != MAGIC) {
            return Optional.empty();
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int offset = buffer.getInt(24);
        int count = buffer.getInt(28);
        Map<String, String> strings = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (offset < 0 || offset + ENTRY_HEADER_BYTES > bytes.length) {
                return Optional.empty();
            }
            int length = buffer.getInt(offset);
            if (length <= 0) {
                return Optional.empty();
            }
            if (buffer.get(offset + 12) == BYTE_VECTOR) {
                String name = cString(bytes, offset + buffer.getInt(offset + 4), offset + length);
                strings.put(name, cString(bytes, offset + buffer.getInt(offset + 16), offset + length));
            }
            offset += length;
        }
        return Optional.of(new PerfData(strings));
    }

    /** The Java version ({@code java.version}), such as {@code 17.0.9} or {@code 11.0.21}. */
    Optional<String> javaVersion() {
        return Optional.ofNullable(strings.get("java.property.java.version"));
    }

    /** The main class or jar and its arguments ({@code sun.java.command}), as {@code jps -m} shows them. */
    Optional<String> command() {
        return Optional.ofNullable(strings.get("sun.rt.javaCommand"));
    }

    /** False when the JVM says it does not accept attach ({@code -XX:+DisableAttachMechanism}). */
    boolean acceptsAttach() {
        String capabilities = strings.getOrDefault("sun.rt.jvmCapabilities", "");
        return capabilities.isEmpty() || capabilities.charAt(0) == '1';
    }

    private static String cString(byte[] bytes, int from, int limit) {
        int end = Math.max(from, 0);
        int stop = Math.min(limit, bytes.length);
        while (end < stop && bytes[end] != 0) {
            end++;
        }
        return from < 0 || from >= stop ? "" : new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }
}
