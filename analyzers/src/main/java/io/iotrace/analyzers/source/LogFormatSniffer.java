package io.iotrace.analyzers.source;

import io.iotrace.analyzers.event.LinuxTables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells from the first lines of a file whether it is an strace log, a perf trace, perf script output, or something else. */
public final class LogFormatSniffer {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int SNIFF_LINES = 200;

    private static final Pattern STRACE_CALL = Pattern.compile(
            "^(?:\\[pid\\s+\\d+\\]\\s+|\\d+(?:<[^>]*>)?\\s+)?(?:\\d+(?::\\d\\d:\\d\\d)?(?:\\.\\d+)?\\s+)?"
                    + "(?:<\\.\\.\\. )?([A-Za-z_]\\w*)(?:\\(| resumed>)");
    private static final Pattern STRACE_NOTICE = Pattern.compile(
            "^(?:\\[pid\\s+\\d+\\]\\s+|\\d+\\s+)?(?:[\\d:.]+\\s+)?(?:--- |\\+\\+\\+ )");
    private static final Pattern PERF_TRACE = Pattern.compile(
            "^\\s*\\d+\\.\\d+\\s+\\(\\s*(?:\\d+\\.\\d+ ms)?\\s*\\):\\s+\\S");
    private static final Pattern PERF_SCRIPT = Pattern.compile(
            "^\\s*\\S.*?\\s+\\d+(?:/\\d+)?\\s+(?:\\[\\d+\\]\\s+)?\\d+\\.\\d+:\\s+(?:\\d+\\s+)?([\\w-]+:[\\w-]+|[\\w-]+):");

    /** The format and, for a refused file, the line that shows it (1-based; 1 for whole-file verdicts). */
    public record Sniff(LogFormat format, long line, String detail) {
        /** Why a file that cannot be read as a syscall log is refused, for one terminal line. */
        public String refusal() {
            return "not a syscall log, it looks like " + format.looksLike() + (detail != null ? " (" + detail + ")" : "");
        }
    }

    private LogFormatSniffer() {
    }

    public static Sniff sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return new Sniff(LogFormat.JFR, 1, "it starts with the JFR magic FLR\\0");
        }
        long line = 1;
        boolean onlySpace = true;
        for (int i = 0; i < head.length; i++) {
            int c = head[i] & 0xff;
            if (c == '\n') {
                line++;
            } else if (c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != 0x1b)) {
                return new Sniff(LogFormat.BINARY, line, String.format("byte 0x%02x at offset %d", c, i));
            } else if (c != ' ' && c != '\t' && c != '\r') {
                onlySpace = false;
            }
        }
        if (onlySpace) {
            return new Sniff(LogFormat.EMPTY, 1, head.length == 0 ? "0 bytes" : "only blank lines");
        }
        return sniffLines(new String(head, StandardCharsets.ISO_8859_1).split("\n", SNIFF_LINES + 1));
    }

    private static Sniff sniffLines(String[] lines) {
        int syscalls = 0;
        int libraryCalls = 0;
        int perfTrace = 0;
        int perfScriptSyscalls = 0;
        int perfScriptOther = 0;
        long firstLibraryCall = 0;
        long firstOtherEvent = 0;
        String otherEvent = null;
        String libraryCall = null;
        int n = Math.min(lines.length, SNIFF_LINES);
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (PERF_TRACE.matcher(line).find()) {
                perfTrace++;
                continue;
            }
            Matcher call = STRACE_CALL.matcher(line);
            if (call.find()) {
                if (LinuxTables.isSyscall(call.group(1)) || call.group(1).equals("restart_syscall")) {
                    syscalls++;
                } else {
                    libraryCalls++;
                    if (libraryCall == null) {
                        libraryCall = call.group(1);
                        firstLibraryCall = i + 1;
                    }
                }
                continue;
            }
            if (STRACE_NOTICE.matcher(line).find()) {
                continue;
            }
            Matcher script = PERF_SCRIPT.matcher(line);
            if (script.find()) {
                String event = script.group(1);
                if (event.startsWith("raw_syscalls:") || event.startsWith("syscalls:") || event.startsWith("io_uring:")) {
                    perfScriptSyscalls++;
                } else {
                    perfScriptOther++;
                    if (otherEvent == null) {
                        otherEvent = event;
                        firstOtherEvent = i + 1;
                    }
                }
            }
        }
        if (perfTrace > 0 && perfTrace >= syscalls) {
            return new Sniff(LogFormat.PERF_TRACE, 1, null);
        }
        if (syscalls > 0 && syscalls >= libraryCalls) {
            return new Sniff(LogFormat.STRACE, 1, null);
        }
        if (libraryCalls > 0) {
            return new Sniff(LogFormat.LTRACE, firstLibraryCall, libraryCall + "() is not a Linux syscall");
        }
        if (perfScriptSyscalls > 0 && perfScriptSyscalls >= perfScriptOther) {
            return new Sniff(LogFormat.PERF_SCRIPT_SYSCALLS, 1, null);
        }
        if (perfScriptOther > 0) {
            return new Sniff(LogFormat.PERF_SCRIPT_OTHER, firstOtherEvent, "event " + otherEvent);
        }
        return new Sniff(LogFormat.UNKNOWN, 1, "no line of the first " + n + " reads as a syscall");
    }
}
