package io.iotrace.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the jars the CLI works with. They sit beside the CLI jar after {@code mvn package}; a system property
 * ({@code iotrace.agent.jar}, {@code iotrace.fixtures.jar}) overrides that.
 */
public final class Artifacts {
    private Artifacts() {
    }

    public static Path agentJar() {
        return find("iotrace.agent.jar", "iotrace-agent.jar");
    }

    public static Path fixturesJar() {
        return find("iotrace.fixtures.jar", "iotrace-fixtures.jar");
    }

    private static Path find(String property, String fileName) {
        String configured = System.getProperty(property);
        Path candidate = configured != null ? Path.of(configured) : cliDirectory().resolve(fileName);
        if (!Files.isRegularFile(candidate)) {
            throw new UserError(fileName + " not found at " + candidate + " (build with 'mvn package', or set -D"
                    + property + ")");
        }
        return candidate.toAbsolutePath();
    }

    private static Path cliDirectory() {
        try {
            return Path.of(Artifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
