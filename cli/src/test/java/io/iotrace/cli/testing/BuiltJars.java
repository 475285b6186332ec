package io.iotrace.cli.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/** Where the tests find what the build made: the shaded agent jar and the classes of test programs. */
public final class BuiltJars {
    private BuiltJars() {
    }

    /**
     * The shaded agent, {@code agent/target/iotrace-agent.jar}. The CLI's own copy beside its jar is made only at
     * {@code package}, after the tests; the agent module is packaged before the CLI is tested.
     */
    public static Path agentJar() {
        Path jar = projectRoot().resolve("agent/target/iotrace-agent.jar");
        Assertions.assertTrue(Files.isRegularFile(jar), jar + " is missing: package the agent first"
                + " ('mvn -q -o -pl agent package -DskipTests')");
        return jar;
    }

    /** The project's root directory (surefire passes it as {@code iotrace.root}; else the CLI module's parent). */
    public static Path projectRoot() {
        String root = System.getProperty("iotrace.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The directory or jar a class was loaded from: how a child JVM finds the fixtures or a test program. */
    public static String classpathOf(Class<?>... classes) {
        StringBuilder path = new StringBuilder();
        for (Class<?> c : classes) {
            if (path.length() > 0) {
                path.append(File.pathSeparatorChar);
            }
            path.append(locationOf(c));
        }
        return path.toString();
    }

    /**
     * Where {@code main} was loaded from, then the jars of this test's class path whose file name matches
     * {@code jarNames} (a framework's jars, native libraries included), and not the rest, which holds the agent's
     * classes.
     */
    public static String classpathWithJars(Class<?> main, String jarNames) {
        Pattern names = Pattern.compile(jarNames);
        StringBuilder path = new StringBuilder(locationOf(main).toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (names.matcher(Path.of(entry).getFileName().toString()).matches()) {
                path.append(File.pathSeparatorChar).append(entry);
            }
        }
        return path.toString();
    }

    static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
