package io.iotrace.analyzers.finding;

import java.io.File;
import java.util.Arrays;
import java.util.List;

/**
 * Which frames of a stack are the application's own code, as opposed to the JDK's and its libraries'. A wait is the
 * application's when its code is on the stack; a lock that only libraries' frames reach is their own
 * synchronization, which the application could not change.
 *
 * <p>The application's code is taken from the JVM's main class: the classes under its organization's package (the
 * first two segments of the main class's package, {@code com.acme} for {@code com.acme.shop.Main}), so every
 * framework and library the application uses counts as a library without a list of their names. When the main
 * class is not known (a {@code -jar} launch) or is a framework's launcher, the user names the packages; without
 * either, every class outside the JDK counts as the application's, the strict reading.
 */
public final class ApplicationCode {
    /** The platform's packages: never the application's. */
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final String DEFAULT_PACKAGE = "";

    /** Package names, each also matching its subpackages; the empty name is the default package. */
    private final List<String> packages;
    private final String origin;

    private ApplicationCode(List<String> packages, String origin) {
        this.packages = List.copyOf(packages);
        this.origin = origin;
    }

    /** The packages the user named; none means every class outside the JDK. */
    public static ApplicationCode ofPackages(List<String> packages) {
        return new ApplicationCode(packages, packages.isEmpty() ? "every class outside the JDK" : "as given");
    }

    /**
     * From a JVM's {@code sun.java.command}: its main class (optionally {@code module/class}) and arguments, or a
     * jar and arguments, which name no class.
     */
    public static ApplicationCode ofCommand(String command) {
        String first = command == null ? "" : command.strip().split("\\s+", 2)[0];
        String mainClass = first.substring(first.indexOf('/') + 1);
        if (mainClass.isEmpty() || mainClass.endsWith(".jar") || mainClass.contains(File.separator)) {
            return ofPackages(List.of());
        }
        String[] segments = mainClass.split("\\.");
        int packageSegments = segments.length - 1;
        String root = String.join(".", Arrays.copyOf(segments, Math.min(2, packageSegments)));
        return new ApplicationCode(List.of(root), "from the main class " + mainClass);
    }

    /** Whether a class is the JDK's. */
    static boolean isPlatform(String className) {
        for (String platform : PLATFORM) {
            if (className.startsWith(platform)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class is the application's. */
    public boolean owns(String className) {
        if (isPlatform(className)) {
            return false;
        }
        if (packages.isEmpty()) {
            return true;
        }
        for (String name : packages) {
            if (name.equals(DEFAULT_PACKAGE) ? className.indexOf('.') < 0
                    : className.startsWith(name) && (className.length() == name.length()
                            || className.charAt(name.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the stack has a frame of the application's code. */
    public boolean isOnStack(CallStack stack) {
        return stack.frames().stream().anyMatch(frame -> owns(frame.className()));
    }

    /**
     * Where a finding points: the first frame in application code, else the first outside the JDK (the library's
     * code nearest the wait), else the innermost; null if the stack is empty.
     */
    public Frame topFrameOf(CallStack stack) {
        Frame library = null;
        for (Frame frame : stack.frames()) {
            if (owns(frame.className())) {
                return frame;
            }
            if (library == null && !isPlatform(frame.className())) {
                library = frame;
            }
        }
        return library != null ? library : stack.frames().isEmpty() ? null : stack.frames().get(0);
    }

    /** What counts as the application's, and why: for the report's header. */
    public String describe() {
        if (packages.isEmpty()) {
            return origin;
        }
        List<String> shown = packages.stream().map(p -> p.isEmpty() ? "the default package" : p + ".*").toList();
        return String.join(", ", shown) + " (" + origin + ")";
    }
}
