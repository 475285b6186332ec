package io.iotrace.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Puts the runtime package on the bootstrap class path, so that code inlined into java.base can call it.
 *
 * <p>Only {@code io/iotrace/agent/runtime/} goes there: it uses JDK types only. The rest of the agent, with
 * its shaded ByteBuddy, stays with the application class loader.
 */
final class BootstrapInjector {
    static final String RUNTIME_PREFIX = "io/iotrace/agent/runtime/";
    /** Classes on the bootstrap path must be no one else's to change. */
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** A local time needs no time zone, where a current time stamp would load one. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

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

    /**
     * Copies the runtime's classes into a jar of their own, stored rather than compressed and with one fixed time:
     * on the way to a first attach's first event, a temporary file's random name (a SecureRandom to seed), the
     * time zone a current time stamp needs and compressing cost more than the copy.
     */
    private static void inject(Instrumentation inst, Path agentJar) throws IOException {
        Path runtimeJar = Path.of(System.getProperty("java.io.tmpdir"),
                "iotrace-runtime-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jar");
        try (JarFile source = new JarFile(agentJar.toFile());
             JarOutputStream target = new JarOutputStream(Channels.newOutputStream(Files.newByteChannel(runtimeJar,
                     Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)))) {
            runtimeJar.toFile().deleteOnExit();
            Enumeration<JarEntry> entries = source.entries();
            int copied = 0;
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(RUNTIME_PREFIX) && entry.getName().endsWith(".class")) {
                    byte[] bytes;
                    try (InputStream in = source.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    target.putNextEntry(stored(entry.getName(), bytes));
                    target.write(bytes);
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

    private static JarEntry stored(String name, byte[] bytes) {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(FIXED_TIME);
        return entry;
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
