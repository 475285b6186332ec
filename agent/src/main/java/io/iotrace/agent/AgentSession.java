package io.iotrace.agent;

import io.iotrace.agent.recording.Recorder;
import io.iotrace.agent.runtime.IoTrace;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running recording: the runtime wired to java.base, the hooks installed, and the file open. */
final class AgentSession {
    private static final String[] OPENED_PACKAGES = {"java.io", "java.net", "java.nio", "sun.nio.ch"};

    private final AgentOptions options;
    private final Recorder recorder;
    private final HookInstaller hooks;
    /** Blocking calls with their stacks, with the option {@code blocking}; else null. */
    private final BlockingProbe probe;

    private AgentSession(AgentOptions options, Recorder recorder, HookInstaller hooks, BlockingProbe probe) {
        this.options = options;
        this.recorder = recorder;
        this.hooks = hooks;
        this.probe = probe;
    }

    /**
     * Starts recording. When a step fails, what the earlier steps did is undone before the exception leaves,
     * so the application goes on as if the agent had never come.
     */
    static AgentSession start(AgentOptions options, Instrumentation inst) throws Exception {
        // First: it starts building the advice on a thread of its own, in parallel with the steps below.
        List<String> failures = new CopyOnWriteArrayList<>();
        HookInstaller hooks = new HookInstaller(inst, failures, options.blockingMethods());
        Module runtime = IoTrace.class.getModule();
        openJavaBaseTo(inst, runtime);
        OwnerOnly.createDirectories(options.directory());
        // Before the hooks: JFR's own set-up I/O is not the app's.
        BlockingProbe probe = options.blocking()
                ? BlockingProbe.start(options.blockingFile()) : null;
        Recorder recorder;
        try {
            recorder = new Recorder(options.directory(), options.maxSize(), options.maxAgeNanos(),
                    options.ringEvents(), options.maxThreads(), SelectorProvider.provider().getClass().getName(),
                    !options.summaryOnly(), options.summaryIntervalNanos());
        } catch (Throwable e) {
            if (probe != null) {
                probe.stop();
            }
            throw e;
        }
        AgentSession session = new AgentSession(options, recorder, hooks, probe);
        try {
            warmUp();
            // Recording before the hooks go in: the calls of each class are recorded as soon as its hooks are.
            IoTrace.start(recorder);
            if (probe != null) {
                IoTrace.recordBlockingEvents(new JfrBlockingEvents());
            }
            recorder.start();
            hooks.install();
            selfTest(failures);
        } catch (Throwable e) {
            session.stop();
            throw e;
        }
        return session;
    }

    AgentOptions options() {
        return options;
    }

    Path recordingFile() {
        return options.recordingFile();
    }

    /** Stops recording, takes the hooks out (the JDK classes get their original bytes back) and closes the file. */
    void stop() {
        IoTrace.disable(null);
        try {
            hooks.uninstall();
        } catch (Throwable e) {
            // The hooks stay but record nothing: the recorder is switched off above.
            IoTrace.warn("could not remove the hooks: " + e);
        } finally {
            try {
                recorder.close();
            } finally {
                if (probe != null) {
                    probe.stop();
                }
            }
        }
    }

    /** Closes the file at JVM exit; the hooks die with the JVM, and Flight Recorder writes the probe's file. */
    void closeAtExit() {
        IoTrace.disable(null);
        recorder.close();
    }

    /**
     * Loads and initializes the runtime before any hook is live: a class initialized from inside a hook would
     * do class loading I/O inside the hook, and could wait on itself.
     */
    private static void warmUp() throws ClassNotFoundException {
        for (String name : new String[] {"IoTrace", "ThreadRecorder", "ResourceTable", "ResourceTable$Definition",
                "Describer", "Kinds", "OsThreadId", "RecordingFormat", "Ops", "CallSummary"}) {
            Class.forName("io.iotrace.agent.runtime." + name, true, null);
        }
        for (String name : new String[] {"Recorder", "RingPool", "RecordingWriter", "SummarySnapshots",
                "SummarySnapshots$Group"}) {
            Class.forName("io.iotrace.agent.recording." + name, true, AgentSession.class.getClassLoader());
        }
    }

    /**
     * Lets inlined advice in java.base see the runtime (java.base reads only named modules by default), and
     * lets the runtime read the private fields that describe a resource (a socket's address, a file's path).
     */
    private static void openJavaBaseTo(Instrumentation inst, Module runtime) {
        Module base = Object.class.getModule();
        Map<String, Set<Module>> opens = new java.util.HashMap<>();
        for (String pkg : OPENED_PACKAGES) {
            opens.put(pkg, Set.of(runtime));
        }
        inst.redefineModule(base, Set.of(runtime), Map.of(), opens, Set.of(), Map.of());
    }

    /**
     * Proves that a known call is seen, so that a JDK where the hooks miss is reported, not silently empty. The
     * calls run on a thread of their own: the thread that starts the agent may be exempt (the Attach Listener).
     */
    private static void selfTest(List<String> failures) throws InterruptedException {
        int[] counts = new int[2];
        Thread probe = new Thread(() -> {
            counts[0] = IoTrace.countCallsOf(() -> {
                try (FileInputStream in = new FileInputStream("/dev/null")) {
                    in.read();
                } catch (IOException ignored) {
                    // Counted or not, the count says what happened.
                }
            });
            counts[1] = IoTrace.countCallsOf(() -> {
                try (Selector selector = Selector.open()) {
                    selector.selectNow();
                } catch (IOException ignored) {
                    // As above.
                }
            });
        }, "iotrace-self-test");
        probe.setDaemon(true);
        probe.start();
        probe.join(10_000);
        int fileCalls = counts[0];
        int selectCalls = counts[1];
        if (!failures.isEmpty()) {
            IoTrace.warn("some JDK classes could not be instrumented: " + String.join("; ", failures));
        }
        if (fileCalls == 0 || selectCalls == 0) {
            IoTrace.warn("self-test failed: FileInputStream.read seen " + fileCalls + " times, Selector.selectNow "
                    + selectCalls + " times (expected 1 each) on Java " + System.getProperty("java.version")
                    + "; the recording will miss calls: please report this JDK version");
        }
    }
}
