package io.iotrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.iotrace.agent.advice.DeclaredBlockingMethodAdvice;
import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link DeclaredBlockingMethodAdvice} into the methods the user declares blocking (the agent option
 * {@code blockingMethods=a.b.C#m;x.Y#n}, which {@code iotrace lint --blocking-method} passes), in any class loader,
 * as their classes load or, on attach, already loaded: each call is then a blocking call with its duration and stack,
 * on any JDK. Every overload of a named method is instrumented, as BlockHound's {@code markAsBlocking} names one by
 * name.
 */
final class DeclaredBlockingMethods implements ClassFileTransformer {
    /** The declared methods' names, by the internal name of their class ({@code a/b/C}), as transform is given it. */
    private final Map<String, Set<String>> methodsByClass;

    private DeclaredBlockingMethods(Map<String, Set<String>> methodsByClass) {
        this.methodsByClass = methodsByClass;
    }

    /**
     * The methods {@code option} declares, {@code a.b.C#m;x.Y#n}; null for none.
     *
     * @throws IllegalArgumentException when an entry is not {@code CLASS#METHOD}
     */
    static DeclaredBlockingMethods parse(String option) {
        Map<String, Set<String>> byClass = new HashMap<>();
        for (String entry : option.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int hash = entry.indexOf('#');
            if (hash <= 0 || hash == entry.length() - 1 || entry.indexOf('#', hash + 1) >= 0) {
                throw new IllegalArgumentException("blockingMethods: expected CLASS#METHOD, got '" + entry + "'");
            }
            byClass.computeIfAbsent(entry.substring(0, hash).strip().replace('.', '/'), c -> new LinkedHashSet<>())
                    .add(entry.substring(hash + 1).strip());
        }
        return byClass.isEmpty() ? null : new DeclaredBlockingMethods(byClass);
    }

    /** The loaded classes it instruments, for attach and detach. */
    List<Class<?>> loadedTargets(Instrumentation inst) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (methodsByClass.containsKey(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        return loaded;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (className == null) {
            return null;
        }
        Set<String> methods = methodsByClass.get(className);
        if (methods == null) {
            return null;
        }
        String name = className.replace('/', '.');
        boolean wasBusy = IoTrace.beginAgentWork();
        try {
            return instrument(name, loader, bytes, methods);
        } catch (Throwable e) {
            IoTrace.warn("class " + name + " keeps its code, its methods declared blocking are not traced: " + e);
            return null;
        } finally {
            IoTrace.endAgentWork(wasBusy);
        }
    }

    /** Decorated only, as the JDK's classes are; the super classes come from the class's own loader. */
    private static byte[] instrument(String name, ClassLoader loader, byte[] bytes, Set<String> methods) {
        ClassFileLocator classes = loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
                : ClassFileLocator.ForClassLoader.of(loader);
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), classes);
        TypePool pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        DynamicType.Builder<?> builder = HookTransformer.Tools.BYTE_BUDDY.decorate(pool.describe(name).resolve(),
                locator);
        builder = builder.visit(Advice.to(HookTransformer.Tools.ADVICE_POOL.describe(
                DeclaredBlockingMethodAdvice.class.getName()).resolve(), HookTransformer.Tools.ADVICE_CLASSES)
                .on(isMethod().and(namedOneOf(methods.toArray(new String[0]))).and(not(isAbstract()))
                        .and(not(isNative()))));
        return builder.make(pool).getBytes();
    }
}
