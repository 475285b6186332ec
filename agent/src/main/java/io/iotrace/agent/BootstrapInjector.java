package io.iotrace.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the runtime package on the bootstrap class path, so that code inlined into java.base can call it.
 *
 * <p>Only {@code io/iotrace/agent/runtime/} goes there: it uses JDK types only. The rest of the agent, with
 * its shaded ByteBuddy, stays with the application class loader.
 */
final class BootstrapInjector {
    static final String RUNTIME_PREFIX = "io/iotrace/agent/runtime/";

    /** Set once the runtime is on the bootstrap path: a later attach to the same JVM finds it there. */
    private static boolean injected;

    private BootstrapInjector() {
    }

    static synchronized void injectOnce(Instrumentation inst) throws IOException {
        if (!injected) {
            inject(inst, agentJar());
            injected = true;
        }
    }

    private static void inject(Instrumentation inst, Path agentJar) throws IOException {
        Path runtimeJar = Files.createTempFile("iotrace-runtime-", ".jar");
        runtimeJar.toFile().deleteOnExit();
        try (JarFile source = new JarFile(agentJar.toFile());
             JarOutputStream target = new JarOutputStream(Files.newOutputStream(runtimeJar))) {
            Enumeration<JarEntry> entries = source.entries();
            int copied = 0;
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(RUNTIME_PREFIX) && entry.getName().endsWith(".class")) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                    target.closeEntry();
                    copied++;
                }
            }
            if (copied == 0) {
                throw new IOException(agentJar + " holds no " + RUNTIME_PREFIX + " classes");
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(runtimeJar.toFile()));
    }

    /** The jar this agent was loaded from. */
    private static Path agentJar() throws IOException {
        try {
            return Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IOException("cannot locate the agent jar: " + e.getMessage(), e);
        }
    }
}
