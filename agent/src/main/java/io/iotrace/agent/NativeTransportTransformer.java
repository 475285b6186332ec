package io.iotrace.agent;

import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines the advice of {@link NativeTransportHooks} into the native transport classes of any class loader, as they
 * load or, on attach, already loaded. An application without them pays one name check per loaded class.
 */
final class NativeTransportTransformer implements ClassFileTransformer {
    private final List<NativeTransportHooks.Hook> hooks = NativeTransportHooks.hooks();

    /** The loaded classes it instruments, for attach and detach. */
    List<Class<?>> loadedTargets(Instrumentation inst) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() != null && isTarget(c.getName())) {
                loaded.add(c);
            }
        }
        return loaded;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        // Netty is never on the boot class path; the JDK's classes are HookTransformer's.
        if (loader == null || className == null) {
            return null;
        }
        String name = className.replace('/', '.');
        if (!isTarget(name)) {
            return null;
        }
        List<NativeTransportHooks.Hook> matched = hooksOf(name);
        boolean wasBusy = IoTrace.beginAgentWork();
        try {
            return instrument(name, loader, bytes, matched);
        } catch (Throwable e) {
            IoTrace.warn("native transport class " + name + " keeps its code, it could not be instrumented: " + e);
            return null;
        } finally {
            IoTrace.endAgentWork(wasBusy);
        }
    }

    private boolean isTarget(String name) {
        for (NativeTransportHooks.Hook hook : hooks) {
            if (names(hook, name)) {
                return true;
            }
        }
        return false;
    }

    private List<NativeTransportHooks.Hook> hooksOf(String name) {
        List<NativeTransportHooks.Hook> matched = new ArrayList<>();
        for (NativeTransportHooks.Hook hook : hooks) {
            if (names(hook, name)) {
                matched.add(hook);
            }
        }
        return matched;
    }

    /** Whether the class {@code name} is the hook's: its name ends with the hook's, package included. */
    private static boolean names(NativeTransportHooks.Hook hook, String name) {
        String suffix = hook.nameSuffix();
        return name.endsWith(suffix)
                && (name.length() == suffix.length() || name.charAt(name.length() - suffix.length() - 1) == '.');
    }

    /** Decorated only, as the JDK's classes are; the super classes come from the class's own loader. */
    private static byte[] instrument(String name, ClassLoader loader, byte[] bytes,
                                     List<NativeTransportHooks.Hook> matched) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        DynamicType.Builder<?> builder = HookTransformer.Tools.BYTE_BUDDY.decorate(pool.describe(name).resolve(),
                locator);
        for (NativeTransportHooks.Hook hook : matched) {
            builder = builder.visit(Advice.to(HookTransformer.Tools.ADVICE_POOL.describe(hook.advice().getName())
                    .resolve(), HookTransformer.Tools.ADVICE_CLASSES).on(hook.methods()));
        }
        return builder.make(pool).getBytes();
    }
}
