package io.iotrace.cli.attach;

import java.util.Properties;

/**
 * The agent's state inside a target JVM, as it publishes it in system properties (the names mirror the agent's
 * {@code Sessions}). A JVM the agent never came into has state {@code none}.
 *
 * @param state                   none, starting, recording, stopped or failed
 * @param session                 the session that state belongs to; empty for one started with -javaagent
 * @param recording               the recording file of that session
 * @param message                 why it failed or stopped on its own, else empty
 * @param sessions                sessions started in this JVM so far
 * @param instrumentedClasses     JDK classes carrying hooks at the last status request, -1 when never asked
 * @param dynamicLoadWarning      whether the JVM printed its warning about a dynamically loaded agent
 */
public record AgentStatus(String state, String session, String recording, String message, int sessions,
                          int instrumentedClasses, boolean dynamicLoadWarning) {
    static final String RECORDING = "recording";
    static final String FAILED = "failed";

    static AgentStatus of(Properties p) {
        return new AgentStatus(p.getProperty("iotrace.agent.state", "none"),
                p.getProperty("iotrace.agent.session", ""),
                p.getProperty("iotrace.agent.recording", ""),
                p.getProperty("iotrace.agent.message", ""),
                number(p, "iotrace.agent.sessions", 0),
                number(p, "iotrace.agent.instrumentedClasses", -1),
                Boolean.parseBoolean(p.getProperty("iotrace.agent.dynamicLoadWarning", "false")));
    }

    public boolean isRecording() {
        return state.equals(RECORDING);
    }

    private static int number(Properties p, String name, int absent) {
        String value = p.getProperty(name);
        return value == null || value.isEmpty() ? absent : Integer.parseInt(value);
    }
}
