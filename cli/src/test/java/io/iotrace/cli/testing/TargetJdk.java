package io.iotrace.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK that traced child JVMs run on. The end-to-end tests run on both of the project's targets, 17 and 25;
 * use {@code @MethodSource("io.iotrace.cli.testing.TargetJdk#both")} to parameterize over them.
 *
 * @param name what a test report calls it ({@code JDK 17})
 * @param home the JDK's home directory
 */
public record TargetJdk(String name, Path home) {
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    /** The {@code java} binary. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** Its {@code java.version}, as its {@code release} file says ({@code JAVA_VERSION="17.0.9"}). */
    public String javaVersion() throws IOException {
        for (String line : Files.readAllLines(home.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        throw new IOException(home.resolve("release") + " has no JAVA_VERSION line");
    }

    @Override
    public String toString() {
        return name;
    }

    /** JDK 17 and JDK 25, in that order. */
    public static Stream<TargetJdk> both() {
        return Stream.of(jdk17(), jdk25());
    }

    /** The JDK 17 the build runs on (the machine's default), else one in /usr/lib/jvm. */
    public static TargetJdk jdk17() {
        if (System.getProperty("java.specification.version").equals("17")) {
            return new TargetJdk("JDK 17", Path.of(System.getProperty("java.home")));
        }
        return found("JDK 17", "IOTRACE_TEST_JDK17", "", "java-17-", "temurin-17");
    }

    /**
     * JDK 25: {@code IOTRACE_TEST_JDK25} (what {@code .ci/run} exports), the {@code iotrace.test.jdk25} system
     * property, else Temurin 25 in /usr/lib/jvm.
     */
    public static TargetJdk jdk25() {
        return found("JDK 25", "IOTRACE_TEST_JDK25", System.getProperty("iotrace.test.jdk25", ""), "temurin-25",
                "java-25-");
    }

    /**
     * A Java 11 runtime, only ever to be refused: {@code IOTRACE_TEST_JAVA11} (what {@code .ci/run} exports after
     * {@code .ci/fetch-java11}), else one in /usr/lib/jvm. Debian 12 packages no Java older than 17, so the fetch can
     * fail without the project being broken: the test that needs it is then skipped, on CI too, and says why.
     */
    public static TargetJdk java11() {
        String configured = System.getenv("IOTRACE_TEST_JAVA11");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            Assertions.assertTrue(Files.isExecutable(home.resolve("bin/java")),
                    "IOTRACE_TEST_JAVA11 names " + home + ", which has no bin/java");
            return new TargetJdk("Java 11", home);
        }
        Path home = JVMS.resolve("java-11-openjdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(home.resolve("bin/java")),
                "Java 11 not found: run .ci/fetch-java11 DIR and set IOTRACE_TEST_JAVA11 to the home it prints");
        return new TargetJdk("Java 11", home);
    }

    /**
     * Missing on a developer's machine, the tests that need the JDK are skipped; on CI ({@code CI} set) they fail,
     * so that a broken CI image cannot pass by testing less.
     */
    private static TargetJdk found(String name, String envVariable, String property, String... prefixes) {
        for (String configured : new String[] {System.getenv(envVariable), property}) {
            if (configured != null && !configured.isBlank()) {
                Path home = Path.of(configured);
                Assertions.assertTrue(Files.isExecutable(home.resolve("bin/java")),
                        envVariable + " names " + home + ", which has no bin/java");
                return new TargetJdk(name, home);
            }
        }
        try (Stream<Path> jvms = Files.list(JVMS)) {
            Path home = jvms.filter(p -> Stream.of(prefixes).anyMatch(p.getFileName().toString()::startsWith))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java"))).sorted().findFirst().orElse(null);
            if (home != null) {
                return new TargetJdk(name, home);
            }
        } catch (java.io.IOException e) {
            // No /usr/lib/jvm: handled as not found below.
        }
        String missing = name + " not found: set " + envVariable + " to its home";
        if (System.getenv("CI") != null) {
            Assertions.fail(missing + " (CI must test it)");
        }
        Assumptions.abort(missing);
        return null;
    }
}
