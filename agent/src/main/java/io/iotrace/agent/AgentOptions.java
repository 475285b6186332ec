package io.iotrace.agent;

import java.nio.file.Path;

/**
 * The agent's options, given as {@code -javaagent:iotrace-agent.jar=key=value,key=value} or as the argument of
 * a dynamic load.
 *
 * @param command    what this load of the agent does: {@code start} a recording (the default), {@code stop} the
 *                   recording of {@code session}, or publish the {@code status}
 * @param session    names an attach session, so that only the client that started it can stop it; empty when
 *                   the agent was given at JVM start
 * @param owner      pid of the client that attached; when it is gone the session stops itself (0: no owner)
 * @param directory  where the recording is written, as {@code iotrace-<pid>.iotrace}
 * @param ringEvents events each thread can hold before the writer drains them (a power of two)
 * @param maxThreads threads recorded at once; the calls of further threads are counted as drops
 * @param blocking   also record blocking calls with their stacks ({@link BlockingProbe}), for {@code iotrace lint}
 * @param blockingMethods the application's methods its user declares blocking, {@code a.b.C#m;x.Y#n} (as
 *                   BlockHound's {@code markAsBlocking}); empty for none
 */
record AgentOptions(String command, String session, long owner, Path directory, int ringEvents, int maxThreads,
                    boolean blocking, String blockingMethods) {
    static final String START = "start";
    static final String STOP = "stop";
    static final String STATUS = "status";

    static AgentOptions parse(String args) {
        String command = START;
        String session = "";
        long owner = 0;
        Path directory = Path.of(System.getProperty("user.dir"));
        int ringEvents = 4096;
        int maxThreads = 1024;
        boolean blocking = false;
        String blockingMethods = "";
        if (args != null && !args.isBlank()) {
            for (String pair : args.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("agent option '" + pair + "' is not key=value");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "command" -> command = command(value);
                    case "session" -> session = value;
                    case "owner" -> owner = Long.parseLong(value);
                    case "dir" -> directory = Path.of(value);
                    case "ring" -> ringEvents = Integer.parseInt(value);
                    case "maxThreads" -> maxThreads = Integer.parseInt(value);
                    case "blocking" -> blocking = Boolean.parseBoolean(value);
                    case "blockingMethods" -> blockingMethods = value;
                    default -> throw new IllegalArgumentException("unknown agent option '" + key
                            + "' (known: command, session, owner, dir, ring, maxThreads, blocking, blockingMethods)");
                }
            }
        }
        return new AgentOptions(command, session, owner, directory, ringEvents, maxThreads, blocking, blockingMethods);
    }

    private static String command(String value) {
        if (!value.equals(START) && !value.equals(STOP) && !value.equals(STATUS)) {
            throw new IllegalArgumentException("unknown agent command '" + value + "' (known: start, stop, status)");
        }
        return value;
    }

    Path recordingFile() {
        return directory.resolve("iotrace-" + ProcessHandle.current().pid() + ".iotrace");
    }

    /** The blocking probe's JFR file, beside the recording. */
    Path blockingFile() {
        return directory.resolve("iotrace-" + ProcessHandle.current().pid() + ".jfr");
    }
}
