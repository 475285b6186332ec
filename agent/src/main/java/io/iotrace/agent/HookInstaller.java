package io.iotrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the hooks of {@link Instrumentations} into java.base, and can take them out again.
 *
 * <p>ByteBuddy's transformer is wrapped so that while it works (it reads the agent jar, which is file I/O on
 * an application thread) the thread's calls are not recorded.
 */
final class HookInstaller {
    /** How instrumented bytecode names the runtime in its constant pool. */
    private static final String RUNTIME_ENTRY = "io/iotrace/agent/runtime/IoTrace";

    private final Instrumentation inst;
    private final List<String> failures;
    private final Set<String> targets = new HashSet<>();
    private ClassFileTransformer transformer;

    HookInstaller(Instrumentation inst, List<String> failures) {
        this.inst = inst;
        this.failures = failures;
        for (Instrumentations.Hook hook : Instrumentations.hooks()) {
            targets.add(hook.className());
        }
    }

    void install() throws UnmodifiableClassException {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new FailureListener(failures))
                .ignore(ElementMatchers.any(), ElementMatchers.not(ElementMatchers.isBootstrapClassLoader()));
        for (Instrumentations.Hook hook : Instrumentations.hooks()) {
            builder = builder.type(named(hook.className()))
                    .transform((DynamicType.Builder<?> b, TypeDescription type, ClassLoader loader,
                                JavaModule module, ProtectionDomain domain) ->
                            b.visit(Advice.to(hook.advice()).on(hook.methods())));
        }
        transformer = new AgentWorkTransformer(builder.makeRaw(), targets);
        inst.addTransformer(transformer, true);
        retransformLoadedTargets();
    }

    /** Removes the hooks: the JDK classes get their original bytes back. */
    void uninstall() throws UnmodifiableClassException {
        if (transformer != null) {
            inst.removeTransformer(transformer);
            transformer = null;
            retransformLoadedTargets();
        }
    }

    private void retransformLoadedTargets() throws UnmodifiableClassException {
        List<Class<?>> loaded = loadedTargets(inst, targets);
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    private static List<Class<?>> loadedTargets(Instrumentation inst, Set<String> targets) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && targets.contains(c.getName())) {
                loaded.add(c);
            }
        }
        return loaded;
    }

    /**
     * Counts the loaded JDK classes whose current bytes call the runtime, by looking at them as they are now:
     * a transformer added last sees, on retransformation, what every earlier transformer (any session's hooks)
     * made of the class. Zero means the JDK runs its original code.
     */
    static int countInstrumented(Instrumentation inst) throws UnmodifiableClassException {
        Set<String> targets = new HashSet<>();
        for (Instrumentations.Hook hook : Instrumentations.hooks()) {
            targets.add(hook.className());
        }
        List<Class<?>> loaded = loadedTargets(inst, targets);
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

    private static final class AgentWorkTransformer implements ClassFileTransformer {
        private final ClassFileTransformer delegate;
        private final Set<String> internalNames = new HashSet<>();

        AgentWorkTransformer(ClassFileTransformer delegate, Set<String> targets) {
            this.delegate = delegate;
            for (String target : targets) {
                internalNames.add(target.replace('.', '/'));
            }
        }

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
            // Only the listed java.base classes are instrumented: answering every other class here, by name,
            // spares ByteBuddy from parsing each class the JVM loads, which dominated the agent's start-up cost.
            if (loader != null || !internalNames.contains(className)) {
                return null;
            }
            boolean wasBusy = IoTrace.beginAgentWork();
            try {
                return delegate.transform(module, loader, className, redefined, domain, bytes);
            } finally {
                IoTrace.endAgentWork(wasBusy);
            }
        }
    }

    /** Collects transformation errors for the self-test's report instead of printing stack traces. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        private final List<String> failures;

        FailureListener(List<String> failures) {
            this.failures = failures;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            failures.add(typeName + ": " + throwable);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            if (Boolean.getBoolean("iotrace.debug")) {
                System.err.println("[iotrace] instrumented " + type.getName());
            }
        }
    }
}
