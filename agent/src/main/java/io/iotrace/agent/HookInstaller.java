package io.iotrace.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Installs the hooks of {@link Instrumentations} into java.base, and can take them out again. */
final class HookInstaller {
    /** How instrumented bytecode names the runtime in its constant pool. */
    private static final String RUNTIME_ENTRY = "io/iotrace/agent/runtime/IoTrace";

    /**
     * Outlives a session (this class is loaded once, see {@link Sessions}): a later attach to the same JVM
     * reuses the advice and the instrumented bytes. Sessions run one at a time, so no lock.
     */
    private static HookTransformer shared;

    private final Instrumentation inst;
    private final List<String> failures;
    private ClassFileTransformer transformer;
    private NativeTransportTransformer nativeTransports;
    /** The methods the user declares blocking; null for none. */
    private final DeclaredBlockingMethods declared;
    private boolean declaredInstalled;

    /**
     * Sets up the hooks and starts building their advice in the background; {@link #install} puts them in.
     *
     * @param blockingMethods the methods the user declares blocking, {@code a.b.C#m;x.Y#n}; empty for none
     * @throws IllegalArgumentException when {@code blockingMethods} is not a list of {@code CLASS#METHOD}
     */
    HookInstaller(Instrumentation inst, List<String> failures, String blockingMethods) {
        this.inst = inst;
        this.failures = failures;
        this.declared = DeclaredBlockingMethods.parse(blockingMethods);
        if (shared == null) {
            shared = new HookTransformer();
        }
        shared.prepareInBackground();
    }

    /**
     * Installs the hooks into the loaded classes one class at a time, in the table's order: each class's hooks
     * record as soon as that class is done, rather than all at the end.
     */
    void install() throws UnmodifiableClassException, InterruptedException {
        shared.reportTo(failures);
        transformer = shared;
        inst.addTransformer(transformer, true);
        for (Class<?> loaded : loadedTargets(inst, shared.targetClasses())) {
            inst.retransformClasses(loaded);
        }
        // Only now: the table is built, so ByteBuddy is set up (see HookTransformer.buildTable).
        nativeTransports = new NativeTransportTransformer();
        inst.addTransformer(nativeTransports, true);
        retransform(nativeTransports.loadedTargets(inst));
        if (declared != null) {
            inst.addTransformer(declared, true);
            declaredInstalled = true;
            retransform(declared.loadedTargets(inst));
        }
    }

    /**
     * Removes the hooks: the methods declared blocking, the native transports' classes, then the JDK classes, get
     * their original bytes back. The JDK classes come last: a client that watches the JDK classes to know the detach
     * is done sees it only then.
     */
    void uninstall() throws UnmodifiableClassException, InterruptedException {
        if (declaredInstalled) {
            inst.removeTransformer(declared);
            declaredInstalled = false;
            retransform(declared.loadedTargets(inst));
        }
        if (nativeTransports != null) {
            inst.removeTransformer(nativeTransports);
            retransform(nativeTransports.loadedTargets(inst));
            nativeTransports = null;
        }
        if (transformer != null) {
            inst.removeTransformer(transformer);
            transformer = null;
            retransformLoadedTargets();
        }
    }

    private void retransform(List<Class<?>> classes) throws UnmodifiableClassException {
        if (!classes.isEmpty()) {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        }
    }

    private void retransformLoadedTargets() throws UnmodifiableClassException, InterruptedException {
        List<Class<?>> loaded = loadedTargets(inst, shared.targetClasses());
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    /** The target classes the JVM has loaded, in the order of {@code targets}. */
    private static List<Class<?>> loadedTargets(Instrumentation inst, List<String> targets) {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null) {
                byName.put(c.getName(), c);
            }
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (String target : targets) {
            Class<?> c = byName.get(target);
            if (c != null) {
                loaded.add(c);
            }
        }
        return loaded;
    }

    /**
     * The classes of the hook table, each once, in the order the table first names them: for the status probe,
     * which may run where no session ever built the shared transformer.
     */
    private static List<String> targetClasses() {
        Set<String> names = new LinkedHashSet<>();
        for (Instrumentations.Hook hook : Instrumentations.hooks()) {
            names.add(hook.className());
        }
        return List.copyOf(names);
    }

    /**
     * Counts the loaded JDK classes whose current bytes call the runtime, by looking at them as they are now:
     * a transformer added last sees, on retransformation, what every earlier transformer (any session's hooks)
     * made of the class. Zero means the JDK runs its original code.
     */
    static int countInstrumented(Instrumentation inst) throws UnmodifiableClassException {
        List<Class<?>> loaded = loadedTargets(inst, targetClasses());
        byte[] marker = RUNTIME_ENTRY.getBytes(StandardCharsets.UTF_8);
        Set<String> instrumented = ConcurrentHashMap.newKeySet();
        ClassFileTransformer probe = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (redefined != null && contains(bytes, marker)) {
                    instrumented.add(className);
                }
                return null;
            }
        };
        inst.addTransformer(probe, true);
        try {
            if (!loaded.isEmpty()) {
                inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            }
        } finally {
            inst.removeTransformer(probe);
        }
        return instrumented.size();
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i <= bytes.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
