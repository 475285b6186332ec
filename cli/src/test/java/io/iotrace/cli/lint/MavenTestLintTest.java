package io.iotrace.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.BuiltJars;
import io.iotrace.cli.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code iotrace lint -- mvn test} traces the test JVM that surefire forks: a throwaway project whose one test sleeps on a
 * thread named like a Netty loop fails the gate. Maven runs offline on the local repository this build runs from, with
 * this build's own JUnit, compiler and surefire versions, so it needs nothing this build did not already fetch.
 */
class MavenTestLintTest {
    private static final String TEMPLATES = "/lint-maven-project/";

    @TempDir
    Path project;

    @Test
    void lintOfMavenTestFindsTheSleepOnTheLoopThreadOfTheForkedTestJvm() throws Exception {
        Path junitJar = jarOf(Test.class);
        // .../org/junit/jupiter/junit-jupiter-api/VERSION/junit-jupiter-api-VERSION.jar
        String junitVersion = junitJar.getParent().getFileName().toString();
        Path localRepository = junitJar.getParent().getParent().getParent().getParent().getParent().getParent();
        Document rootPom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(BuiltJars.projectRoot().resolve("pom.xml").toFile());
        Files.writeString(project.resolve("pom.xml"), template("pom.xml.template")
                .replace("@junit.version@", junitVersion)
                .replace("@compiler.version@", pluginVersion(rootPom, "maven-compiler-plugin"))
                .replace("@surefire.version@", pluginVersion(rootPom, "maven-surefire-plugin")));
        Path tests = Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(tests.resolve("BlockingLoopTest.java"), template("BlockingLoopTest.java.template"));

        CliRun run = CliRun.of("lint", "--", "mvn", "-o", "-q", "-B", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + localRepository, "test");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("sleep at BlockingLoopTest.sleepOnTheLoop"), run.out());
        assertTrue(run.out().contains("nioEventLoopGroup-2-1"), run.out());
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String pluginVersion(Document pom, String artifactId) throws Exception {
        String version = XPathFactory.newInstance().newXPath().evaluate(
                "//plugin[artifactId='" + artifactId + "']/version", pom);
        assertTrue(!version.isBlank(), "the root pom.xml pins no version of " + artifactId);
        return version;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = MavenTestLintTest.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IOException(TEMPLATES + name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
