package io.iotrace.agent;

import io.iotrace.agent.runtime.IoTrace;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
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
    private static final String FIRST_HOOK_CLASSES = "first-hook-classes.txt";
    /** Far more than building the table takes on a loaded machine; a session does not wait longer. */
    private static final long TABLE_TIMEOUT_SECONDS = 60;

    /** The hooks of each target class, by internal name ({@code java/io/FileInputStream}); built once per JVM. */
    private volatile Map<String, List<Instrumentations.Hook>> hooks;
    private final CountDownLatch tableBuilt = new CountDownLatch(1);
    /** Why the table could not be built, if it could not: the same code would fail again, so no retry. */
    private volatile Throwable tableFailure;
    private final Map<String, List<AsmVisitorWrapper>> advice = new ConcurrentHashMap<>();
    /** What each class was made into, kept for the next attach, which is handed the same original bytes. */
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private volatile List<String> failures = new ArrayList<>();

    private record Made(byte[] original, byte[] instrumented) {
    }

    /**
     * ByteBuddy, set up on first use, which is on a background thread: its set-up loads hundreds of classes.
     * Decoration needs only the class's own methods: the declared-methods graph spares describing its super
     * types, each a class file read from jrt. The advice classes are described from their class files: described
     * as loaded classes, their annotations would be read through reflection, which spins a proxy class per
     * annotation type and accessors besides.
     */
    static final class Tools {
        static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .with(Implementation.Context.Disabled.Factory.INSTANCE);
        static final ClassFileLocator ADVICE_CLASSES =
                ClassFileLocator.ForClassLoader.of(HookTransformer.class.getClassLoader());
        static final TypePool ADVICE_POOL = TypePool.Default.of(ADVICE_CLASSES);
    }

    /**
     * The classes it instruments, as the JVM names them, in the table's order; waits for the table.
     *
     * @throws IllegalStateException when the table could not be built
     */
    List<String> targetClasses() throws InterruptedException {
        if (!tableBuilt.await(TABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hook table was not built within " + TABLE_TIMEOUT_SECONDS + " s");
        }
        Map<String, List<Instrumentations.Hook>> table = hooks;
        if (table == null) {
            throw new IllegalStateException("the hook table could not be built: " + tableFailure);
        }
        return table.keySet().stream().map(name -> name.replace('/', '.')).toList();
    }

    /** Where the classes that could not be instrumented are reported from now on, for the self-test. */
    void reportTo(List<String> failures) {
        this.failures = failures;
    }

    /**
     * Builds the hook table and then the advice of every class, in the table's order, on a thread of its own, so
     * that it overlaps with the rest of the session's set-up; a transformation that needs a class's advice waits
     * for that class's only. On the first attach two more threads meanwhile load the ByteBuddy classes the first
     * hook needs and take the first class through ByteBuddy without advice, so that what a transformation needs is
     * loaded by the time its advice is ready. A failure here is left for the transformation to meet again and
     * report.
     */
    void prepareInBackground() {
        if (tableFailure != null || hooks != null && advice.size() == hooks.size()) {
            return;
        }
        boolean firstAttach = made.isEmpty();
        if (firstAttach) {
            background("iotrace-preload", HookTransformer::preloadFirstHookClasses);
        }
        background("iotrace-advice", () -> {
            if (hooks == null) {
                buildTable();
            }
            for (String internalName : hooks.keySet()) {
                try {
                    advice.computeIfAbsent(internalName, this::adviceOf);
                } catch (Throwable e) {
                    // See above.
                }
            }
        });
        if (firstAttach) {
            background("iotrace-warm-up", () -> {
                if (!tableBuilt.await(TABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || hooks == null) {
                    return;
                }
                String first = hooks.keySet().iterator().next().replace('/', '.');
                ClassFileLocator jrt = ClassFileLocator.ForClassLoader.ofBootLoader();
                TypePool pool = TypePool.Default.of(jrt);
                Tools.BYTE_BUDDY.decorate(pool.describe(first).resolve(), jrt).make(pool).getBytes();
            });
        }
    }

    /**
     * Also sets ByteBuddy up before anyone waiting for the table goes on: two threads initializing its classes at
     * once could deadlock on their static initializers, which refer to each other.
     */
    private void buildTable() {
        try {
            Map<String, List<Instrumentations.Hook>> table = new LinkedHashMap<>();
            for (Instrumentations.Hook hook : Instrumentations.hooks()) {
                table.computeIfAbsent(hook.className().replace('.', '/'), k -> new ArrayList<>()).add(hook);
            }
            Objects.requireNonNull(Tools.ADVICE_POOL);
            hooks = table;
        } catch (Throwable e) {
            tableFailure = e;
        } finally {
            tableBuilt.countDown();
        }
    }

    /**
     * Loads, without initializing, the ByteBuddy classes that the first hook needs, in the order it needs them
     * (the list is what {@code -Xlog:class+load} showed on a first attach): the advice thread then finds them
     * loaded instead of parsing each from the jar in turn. Loading runs no static initializer, so it cannot
     * deadlock with the threads that initialize them.
     */
    private static void preloadFirstHookClasses() throws IOException {
        ClassLoader loader = HookTransformer.class.getClassLoader();
        try (InputStream list = HookTransformer.class.getResourceAsStream(FIRST_HOOK_CLASSES)) {
            if (list == null) {
                return;
            }
            for (String name : new String(list.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                try {
                    Class.forName(name.strip(), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // A list older than the ByteBuddy in the jar: that class loads when it is needed.
                }
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void background(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                IoTrace.exemptCurrentThread();
                work.run();
            } catch (Throwable e) {
                // See prepareInBackground.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        // Answering every other class by name spares ByteBuddy from parsing each class the JVM loads.
        Map<String, List<Instrumentations.Hook>> table = hooks;
        if (loader != null || className == null || table == null || !table.containsKey(className)) {
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
        DynamicType.Builder<?> builder = Tools.BYTE_BUDDY.decorate(pool.describe(name).resolve(), locator);
        for (AsmVisitorWrapper wrapper : advice.computeIfAbsent(internalName, this::adviceOf)) {
            builder = builder.visit(wrapper);
        }
        return builder.make(pool).getBytes();
    }

    private List<AsmVisitorWrapper> adviceOf(String internalName) {
        List<AsmVisitorWrapper> wrappers = new ArrayList<>();
        for (Instrumentations.Hook hook : hooks.get(internalName)) {
            wrappers.add(Advice.to(Tools.ADVICE_POOL.describe(hook.advice().getName()).resolve(), Tools.ADVICE_CLASSES)
                    .on(hook.methods()));
        }
        return wrappers;
    }
}
