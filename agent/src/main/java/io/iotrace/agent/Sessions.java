package io.iotrace.agent;

import io.iotrace.agent.runtime.IoTrace;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;

/**
 * The one recording session a JVM can have at a time, and its state as seen from outside.
 *
 * <p>This class is loaded once by the system class loader, also when the agent is loaded again into the same
 * JVM, so its fields outlive one attach: a later load finds the session a former one started. The state is
 * published as system properties ({@code iotrace.agent.*}), which an attaching client reads through the
 * Attach API without loading anything; the CLI's {@code AgentStatus} mirrors these names.
 */
final class Sessions {
    static final String STATE = "iotrace.agent.state";
    static final String SESSION = "iotrace.agent.session";
    static final String RECORDING = "iotrace.agent.recording";
    static final String MESSAGE = "iotrace.agent.message";
    static final String STARTED = "iotrace.agent.sessions";
    static final String INSTRUMENTED = "iotrace.agent.instrumentedClasses";
    static final String LOAD_WARNING = "iotrace.agent.dynamicLoadWarning";

    static final String RECORDING_STATE = "recording";
    static final String STOPPED_STATE = "stopped";
    static final String FAILED_STATE = "failed";

    private static final long OWNER_CHECK_MILLIS = 200;

    private static AgentSession current;
    private static int started;
    private static boolean exitHookAdded;

    private Sessions() {
    }

    /** Runs one load of the agent. Never throws: whatever fails is published as the state and the JVM goes on. */
    static synchronized void handle(AgentOptions options, Instrumentation inst, boolean dynamic) {
        try {
            switch (options.command()) {
                case AgentOptions.START -> start(options, inst, dynamic);
                case AgentOptions.STOP -> stop(options.session(), "");
                default -> publishInstrumented(inst);
            }
        } catch (Throwable e) {
            System.setProperty(MESSAGE, String.valueOf(e));
            // Not IoTrace.warn: the runtime may not be on the bootstrap path yet, and must not load here first.
            System.err.println("[iotrace] agent " + options.command() + " failed: " + e);
        }
    }

    private static void start(AgentOptions options, Instrumentation inst, boolean dynamic) throws Exception {
        if (current != null) {
            // Only the client whose session this is reads it as its own; the other learns who records here.
            return;
        }
        System.setProperty(SESSION, options.session());
        System.setProperty(STATE, "starting");
        System.setProperty(MESSAGE, "");
        System.setProperty(LOAD_WARNING, String.valueOf(dynamic && printsDynamicLoadWarning()));
        started++;
        System.setProperty(STARTED, String.valueOf(started));
        try {
            BootstrapInjector.injectOnce(inst);
            if (dynamic) {
                // Loads run on the JVM's Attach Listener thread, whose replies to attach clients are not the
                // application's I/O.
                IoTrace.exemptCurrentThread();
            }
            current = AgentSession.start(options, inst);
        } catch (Throwable e) {
            System.setProperty(STATE, FAILED_STATE);
            System.setProperty(MESSAGE, String.valueOf(e));
            throw e;
        }
        System.setProperty(RECORDING, current.recordingFile().toString());
        System.setProperty(STATE, RECORDING_STATE);
        addExitHookOnce();
        if (options.owner() != 0) {
            watchOwner(current, options.owner());
        }
    }

    private static void stop(String session, String why) {
        if (current == null || !current.options().session().equals(session)) {
            return;
        }
        AgentSession stopping = current;
        current = null;
        stopping.stop();
        String problem = IoTrace.disabledBecause();
        System.setProperty(MESSAGE, problem != null ? problem : why);
        System.setProperty(STATE, STOPPED_STATE);
    }

    private static void publishInstrumented(Instrumentation inst) throws Exception {
        System.setProperty(INSTRUMENTED, String.valueOf(HookInstaller.countInstrumented(inst)));
    }

    /**
     * Stops a session whose client is gone (killed, or its host connection lost), so that a target is never left
     * instrumented with nobody to collect the recording.
     */
    private static void watchOwner(AgentSession session, long owner) {
        Thread watchdog = new Thread(() -> {
            IoTrace.exemptCurrentThread();
            try {
                while (true) {
                    Thread.sleep(OWNER_CHECK_MILLIS);
                    synchronized (Sessions.class) {
                        if (current != session) {
                            return;
                        }
                        if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                            continue;
                        }
                        stop(session.options().session(), "the iotrace client (pid " + owner + ") went away");
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iotrace-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void addExitHookOnce() {
        if (exitHookAdded) {
            return;
        }
        exitHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            IoTrace.exemptCurrentThread();
            AgentSession session;
            synchronized (Sessions.class) {
                session = current;
                current = null;
            }
            if (session != null) {
                session.closeAtExit();
            }
        }, "iotrace-shutdown"));
    }

    /**
     * Whether loading this agent made the JVM (21 or later) print its warning about dynamically loaded agents:
     * it does unless EnableDynamicAgentLoading was given explicitly.
     */
    private static boolean printsDynamicLoadWarning() {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("EnableDynamicAgentLoading").getOrigin()
                    == com.sun.management.VMOption.Origin.DEFAULT;
        } catch (Throwable e) {
            return true; // not a HotSpot JVM, or no management module: the JDK's own rule applies
        }
    }
}
