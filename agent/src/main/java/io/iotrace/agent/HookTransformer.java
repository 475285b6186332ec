package io.iotrace.agent;

import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines the advice of {@link Instrumentations} into the java.base classes it names, and into no other class.
 *
 * <p>Each class is described from the bytes the JVM hands over and only decorated (its methods' code changes,
 * nothing else), so ByteBuddy neither resolves the class hierarchy nor adds members. The advice is built on a
 * thread of its own in the table's order, and a class waits only for its own: under load, the first hooks go live
 * sooner.
 * One instance serves every attach to a JVM, and gives a class it has instrumented before the same bytes again,
 * so that attaching again costs little more than the JVM's own retransformation.
 * While it works (it reads the agent jar and jrt, which is file I/O, maybe on an application thread that loads
 * a target class) the thread's calls are not recorded.
 */
final class HookTransformer implements ClassFileTransformer {
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE);

    /** The hooks of each target class, by internal name ({@code java/io/FileInputStream}). */
    private final Map<String, List<Instrumentations.Hook>> hooks = new LinkedHashMap<>();
    private final Map<String, List<AsmVisitorWrapper>> advice = new ConcurrentHashMap<>();
    /** What each class was made into, kept for the next attach, which is handed the same original bytes. */
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private volatile List<String> failures = new ArrayList<>();

    private record Made(byte[] original, byte[] instrumented) {
    }

    HookTransformer() {
        for (Instrumentations.Hook hook : Instrumentations.hooks()) {
            hooks.computeIfAbsent(hook.className().replace('.', '/'), k -> new ArrayList<>()).add(hook);
        }
    }

    /** The classes it instruments, as the JVM names them, in the table's order: the table is built once per JVM. */
    List<String> targetClasses() {
        return hooks.keySet().stream().map(name -> name.replace('/', '.')).toList();
    }

    /** Where the classes that could not be instrumented are reported from now on, for the self-test. */
    void reportTo(List<String> failures) {
        this.failures = failures;
    }

    /**
     * Builds the advice of every class, in the table's order, on a thread of its own, so that it overlaps with
     * the rest of the session's set-up; a transformation that needs a class's advice waits for that class's only.
     * A failure here is left for the transformation to meet again and report.
     */
    void prepareInBackground() {
        if (advice.size() == hooks.size()) {
            return;
        }
        Thread preparer = new Thread(() -> {
            IoTrace.exemptCurrentThread();
            for (String internalName : hooks.keySet()) {
                try {
                    advice.computeIfAbsent(internalName, this::adviceOf);
                } catch (Throwable e) {
                    // See above.
                }
            }
        }, "iotrace-advice");
        preparer.setDaemon(true);
        preparer.start();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        // Answering every other class by name spares ByteBuddy from parsing each class the JVM loads.
        if (loader != null || className == null || !hooks.containsKey(className)) {
            return null;
        }
        boolean wasBusy = IoTrace.beginAgentWork();
        try {
            Made last = made.get(className);
            if (last != null && Arrays.equals(last.original(), bytes)) {
                return last.instrumented();
            }
            byte[] instrumented = instrument(className, bytes);
            made.put(className, new Made(bytes.clone(), instrumented));
            if (Boolean.getBoolean("iotrace.debug")) {
                System.err.println("[iotrace] instrumented " + className.replace('/', '.'));
            }
            return instrumented;
        } catch (Throwable e) {
            // The class keeps its original code; the self-test's report names it.
            failures.add(className.replace('/', '.') + ": " + e);
            return null;
        } finally {
            IoTrace.endAgentWork(wasBusy);
        }
    }

    private byte[] instrument(String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.ofBootLoader());
        TypePool pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        DynamicType.Builder<?> builder = BYTE_BUDDY.decorate(pool.describe(name).resolve(), locator);
        for (AsmVisitorWrapper wrapper : advice.computeIfAbsent(internalName, this::adviceOf)) {
            builder = builder.visit(wrapper);
        }
        return builder.make(pool).getBytes();
    }

    private List<AsmVisitorWrapper> adviceOf(String internalName) {
        List<AsmVisitorWrapper> wrappers = new ArrayList<>();
        for (Instrumentations.Hook hook : hooks.get(internalName)) {
            wrappers.add(Advice.to(hook.advice()).on(hook.methods()));
        }
        return wrappers;
    }
}
