package io.iotrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        transformer = new AgentWorkTransformer(builder.makeRaw());
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
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && targets.contains(c.getName())) {
                loaded.add(c);
            }
        }
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    private static final class AgentWorkTransformer implements ClassFileTransformer {
        private final ClassFileTransformer delegate;

        AgentWorkTransformer(ClassFileTransformer delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
            if (loader != null) {
                return null; // only java.base is instrumented
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
