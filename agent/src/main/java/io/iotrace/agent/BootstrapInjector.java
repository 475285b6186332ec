package io.iotrace.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the runtime package in the bootstrap class loader, so that code inlined into java.base can call it.
 *
 * <p>Only {@code io/iotrace/agent/runtime/} goes there: it uses JDK types only. The rest of the agent, with
 * its shaded ByteBuddy, stays with the application class loader.
 *
 * <p>The classes are defined one by one through {@code ClassLoader.defineClass1} with no loader (a lookup in
 * java.lang, which this agent opens to itself), not put on the bootstrap class path: appending a jar there
 * makes the JVM print a warning on the application's stderr and stop loading application classes from its
 * class data sharing archive.
 */
final class BootstrapInjector {
    static final String RUNTIME_PREFIX = "io/iotrace/agent/runtime/";

    /** Set once the runtime is in the bootstrap loader: a later attach to the same JVM finds it there. */
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
        Deque<Map.Entry<String, byte[]>> pending = new ArrayDeque<>();
        try (JarFile source = new JarFile(agentJar.toFile())) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(RUNTIME_PREFIX) && name.endsWith(".class")) {
                    try (InputStream in = source.getInputStream(entry)) {
                        pending.add(Map.entry(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                                in.readAllBytes()));
                    }
                }
            }
        }
        if (pending.isEmpty()) {
            throw new IOException(agentJar + " holds no " + RUNTIME_PREFIX + " classes");
        }
        defineInBootLoader(inst, pending);
    }

    /**
     * Defines each class after the classes of this package that it extends or implements: one whose supertype is
     * not defined yet fails to resolve it and goes back in the queue, until a whole round defines nothing.
     */
    private static void defineInBootLoader(Instrumentation inst, Deque<Map.Entry<String, byte[]>> pending)
            throws IOException {
        MethodHandle define = defineClass1(inst);
        int failedInARow = 0;
        while (!pending.isEmpty()) {
            Map.Entry<String, byte[]> next = pending.poll();
            try {
                byte[] bytes = next.getValue();
                define.invoke((ClassLoader) null, next.getKey(), bytes, 0, bytes.length, (ProtectionDomain) null,
                        "iotrace-agent");
                failedInARow = 0;
            } catch (NoClassDefFoundError e) {
                pending.add(next);
                if (++failedInARow > pending.size()) {
                    throw new IOException("cannot define " + next.getKey() + " in the bootstrap loader: " + e, e);
                }
            } catch (Throwable e) {
                throw new IOException("cannot define " + next.getKey() + " in the bootstrap loader: " + e, e);
            }
        }
    }

    private static MethodHandle defineClass1(Instrumentation inst) throws IOException {
        Module base = Object.class.getModule();
        Module agent = BootstrapInjector.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(agent)), Set.of(), Map.of());
        try {
            MethodHandles.Lookup inJavaLang = MethodHandles.privateLookupIn(ClassLoader.class, MethodHandles.lookup());
            return inJavaLang.findStatic(ClassLoader.class, "defineClass1", MethodType.methodType(Class.class,
                    ClassLoader.class, String.class, byte[].class, int.class, int.class, ProtectionDomain.class,
                    String.class));
        } catch (ReflectiveOperationException e) {
            throw new IOException("this JVM has no ClassLoader.defineClass1 to define the runtime with: " + e, e);
        }
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
