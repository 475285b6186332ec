package io.iotrace.analyzers.model;

import io.iotrace.analyzers.event.Resource;
import io.iotrace.analyzers.event.ResourceKind;

import java.util.regex.Pattern;

/**
 * Files whose I/O says nothing about how a program serves its work: standard input and output, and the JVM's own
 * reads.
 */
public final class SpecialFiles {

    private static final Pattern STDIN = Pattern.compile(
            "(?i)(/dev/stdin|stdin|<stdin>|fd[ :=#]?0|/proc/(self|\\d+)/fd/0|/dev/fd/0)");
    private static final Pattern CONSOLE = Pattern.compile(
            "(?i)(/dev/std(out|err)|std(out|err)|<std(out|err)>|fd[ :=#]?[12]|/proc/(self|\\d+)/fd/[12]|/dev/fd/[12])");
    /**
     * Class loading reads jars and modules through RandomAccessFile; the JDK reads /proc and /sys, and its own
     * configuration ({@code conf/net.properties}, Debian's {@code /etc/java-17-openjdk}), for itself.
     */
    private static final Pattern RUNTIME = Pattern.compile(
            "(?i)(.*\\.(jar|jmod|class|so)|/proc/.*|/sys/.*|.*/lib/modules|.*/jre/lib/.*|.*/lib/security/.*"
                    + "|.*/conf/.*\\.properties|/etc/java-[^/]*/.*)");

    private SpecialFiles() {
    }

    /** True for reads of the process's standard input (by path or by file descriptor 0). */
    public static boolean isStandardInput(Resource resource) {
        return resource.kind() == ResourceKind.FILE_INPUT_STREAM && resource.description() != null
                && STDIN.matcher(resource.description().trim()).matches();
    }

    /** True for writes to the process's standard output or standard error (by name or by file descriptor). */
    public static boolean isConsoleOutput(Resource resource) {
        return resource.kind() == ResourceKind.FILE_OUTPUT_STREAM && resource.description() != null
                && CONSOLE.matcher(resource.description().trim()).matches();
    }

    /** True for files the JVM reads for itself (class path, modules, /proc), not for the program's work. */
    public static boolean isRuntimeHousekeeping(Resource resource) {
        return resource.kind().isFile() && resource.description() != null
                && RUNTIME.matcher(resource.description().trim()).matches();
    }
}
