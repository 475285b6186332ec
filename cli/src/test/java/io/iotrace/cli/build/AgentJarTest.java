package io.iotrace.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.cli.testing.BuiltJars;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The agent jar is loaded into every traced JVM, beside whatever the application brings: it must carry only the
 * project's classes, ByteBuddy relocated under them, so that no class of ours clashes with one of the application's.
 */
class AgentJarTest {
    private static final String SHADED = "io/iotrace/agent/shaded/";

    @Test
    void theAgentJarHoldsOnlyTheProjectsClassesWithByteBuddyRelocated() throws Exception {
        try (JarFile jar = new JarFile(BuiltJars.agentJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            List<String> foreign = names.stream()
                    .filter(n -> !n.startsWith("io/iotrace/") && !n.equals("io/"))
                    .filter(n -> !isManifestOrLicence(n))
                    .toList();
            assertEquals(List.of(), foreign, "entries outside io/iotrace/ and META-INF manifest/licences");
            assertTrue(names.stream().anyMatch(n -> n.startsWith(SHADED) && n.endsWith("/ByteBuddy.class")), "ByteBuddy relocated under " + SHADED);
            assertTrue(names.contains("io/iotrace/agent/IoTraceAgent.class"));
            assertTrue(names.contains("io/iotrace/agent/runtime/IoTrace.class"));
        }
    }

    @Test
    void theAgentJarsManifestNamesItsEntryPointsAndAllowsRetransformation() throws Exception {
        try (JarFile jar = new JarFile(BuiltJars.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("io.iotrace.agent.IoTraceAgent", manifest.getValue("Premain-Class"));
            assertEquals("io.iotrace.agent.IoTraceAgent", manifest.getValue("Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
        }
    }

    /**
     * The classes the agent preloads for a first attach must be in the jar: a list left behind by a ByteBuddy
     * upgrade would make the first attach slow again without a word.
     */
    @Test
    void everyClassTheAgentPreloadsForAFirstAttachIsInTheJar() throws Exception {
        try (JarFile jar = new JarFile(BuiltJars.agentJar().toFile())) {
            JarEntry listEntry = jar.getJarEntry("io/iotrace/agent/first-hook-classes.txt");
            assertTrue(listEntry != null, "the preload list is in the jar");
            List<String> listed;
            try (var in = jar.getInputStream(listEntry)) {
                listed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
            }
            assertTrue(listed.size() > 100, "a list of the classes a first attach needs: " + listed.size());
            List<String> missing = listed.stream()
                    .filter(name -> jar.getJarEntry(name.replace('.', '/') + ".class") == null).toList();
            assertEquals(List.of(), missing, "listed but not in the jar: run agent/list-first-hook-classes.sh");
        }
    }

    /** META-INF/MANIFEST.MF, the directory itself, and licence or notice files (ByteBuddy's are kept, as its licence asks). */
    private static boolean isManifestOrLicence(String name) {
        if (name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")) {
            return true;
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && (upper.contains("LICENSE") || upper.contains("LICENCE")
                || upper.contains("NOTICE"));
    }
}
