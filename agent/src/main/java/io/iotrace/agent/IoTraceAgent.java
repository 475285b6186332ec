package io.iotrace.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of the java agent, at JVM start ({@code -javaagent}) or into a running JVM (attach).
 *
 * <p>This class touches JDK types only: the runtime classes must first be put on the bootstrap class path,
 * and the first reference to them must come after that, from {@link AgentSession}.
 */
public final class IoTraceAgent {
    private IoTraceAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        try {
            // The agent defines no classes, so ByteBuddy needs no Unsafe (which JDK 24+ warns about).
            // The shade plugin relocates this name along with ByteBuddy's own.
            System.setProperty("net.bytebuddy.safe", "true");
            AgentOptions options = AgentOptions.parse(args);
            BootstrapInjector.inject(inst, BootstrapInjector.agentJar());
            AgentSession.start(options, inst);
        } catch (Throwable e) {
            // The application runs on, untraced: the agent must never take it down.
            System.err.println("[iotrace] agent not started: " + e);
        }
    }
}
