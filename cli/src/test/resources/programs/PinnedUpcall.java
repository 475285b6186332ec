import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual threads that block while pinned to their carrier, on JDK 24+ where {@code synchronized} no longer pins:
 * each sorts three ints with libc's {@code qsort}, whose comparator is an upcall into Java that sleeps. The native
 * {@code qsort} frame beneath the sleep keeps the virtual thread on its carrier, and Flight Recorder reports
 * {@code jdk.VirtualThreadPinned}.
 *
 * <p>With the argument {@code clean} the virtual threads sleep as often and as long with no native frame on their
 * stack: they unmount, nothing is pinned. With {@code class-init} they race to initialize a class whose static
 * initializer sleeps: pinned, but only by the JVM's one-time class initialization. A single-file program for the
 * source launcher: {@code java --enable-native-access=ALL-UNNAMED PinnedUpcall.java [pinned|clean|class-init]}.
 */
public class PinnedUpcall {
    static final int THREADS = 3;
    static final int SORTS_PER_THREAD = 2;
    static final long SLEEP_MILLIS = 5;
    /** Three ints: qsort compares them at least twice. */
    static final int[] UNSORTED = {3, 1, 2};

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "pinned" : args[0];
        Runnable work;
        if (mode.equals("pinned")) {
            // The Foreign Function API's own classes are initialized here, on the main thread: virtual threads
            // racing to initialize them would also be pinned, waiting for each other, at other places.
            sortWithASleepingComparator();
            work = PinnedUpcall::sortWithASleepingComparator;
        } else if (mode.equals("clean")) {
            work = PinnedUpcall::sleepUnmounted;
        } else if (mode.equals("class-init")) {
            work = () -> SlowToInitialize.touch();
        } else {
            System.err.println("usage: PinnedUpcall [pinned|clean|class-init]");
            System.exit(2);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofVirtual().name("sorter-" + i).start(() -> {
                for (int sort = 0; sort < SORTS_PER_THREAD; sort++) {
                    work.run();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    static void sortWithASleepingComparator() {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle qsort = linker.downcallHandle(linker.defaultLookup().find("qsort").orElseThrow(),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.ADDRESS));
            MethodHandle compare = MethodHandles.lookup().findStatic(PinnedUpcall.class, "compareSlowly",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment comparator = linker.upcallStub(compare, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT),
                    ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT)), arena);
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            qsort.invokeExact(ints, (long) UNSORTED.length, ValueLayout.JAVA_INT.byteSize(), comparator);
        } catch (Throwable e) {
            throw new IllegalStateException("qsort failed", e);
        }
    }

    /** qsort's comparator, called from native code: its sleep blocks the carrier thread. */
    static int compareSlowly(MemorySegment a, MemorySegment b) {
        try {
            Thread.sleep(SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
    }

    /**
     * The first virtual thread to touch it sleeps in its static initializer while the others wait for it: both
     * are pinned, and both are the JVM's own once-per-class waits.
     */
    static final class SlowToInitialize {
        static {
            sleepUnmounted();
        }

        static void touch() {
        }
    }

    static void sleepUnmounted() {
        try {
            Thread.sleep(SLEEP_MILLIS);
            Thread.sleep(SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
