package io.iotrace.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of the java agent, at JVM start ({@code -javaagent}) or into a running JVM (attach). A running
 * JVM can load it many times: to start a recording, to stop it, or to ask for its status ({@link Sessions}).
 *
 * <p>This class touches JDK types only: the runtime classes must first be put on the bootstrap class path,
 * and the first reference to them must come after that, from {@link AgentSession}.
 */
public final class IoTraceAgent {
    private IoTraceAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean dynamic) {
        try {
            // The agent defines no classes, so ByteBuddy needs no Unsafe (which JDK 24+ warns about).
            // The shade plugin relocates this name along with ByteBuddy's own.
            System.setProperty("net.bytebuddy.safe", "true");
            Sessions.handle(AgentOptions.parse(args), inst, dynamic);
        } catch (Throwable e) {
            // The application runs on, untraced: the agent must never take it down.
            System.setProperty(Sessions.MESSAGE, String.valueOf(e));
            System.err.println("[iotrace] agent not started: " + e);
        }
    }
}
