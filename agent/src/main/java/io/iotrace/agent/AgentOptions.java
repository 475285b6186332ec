package io.iotrace.agent;

import java.nio.file.Path;

/**
 * The agent's options, given as {@code -javaagent:iotrace-agent.jar=key=value,key=value}.
 *
 * @param directory  where the recording is written, as {@code iotrace-<pid>.iotrace}
 * @param ringEvents events each thread can hold before the writer drains them (a power of two)
 * @param maxThreads threads recorded at once; the calls of further threads are counted as drops
 */
record AgentOptions(Path directory, int ringEvents, int maxThreads) {

    static AgentOptions parse(String args) {
        Path directory = Path.of(System.getProperty("user.dir"));
        int ringEvents = 4096;
        int maxThreads = 1024;
        if (args != null && !args.isBlank()) {
            for (String pair : args.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("agent option '" + pair + "' is not key=value");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "dir" -> directory = Path.of(value);
                    case "ring" -> ringEvents = Integer.parseInt(value);
                    case "maxThreads" -> maxThreads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown agent option '" + key
                            + "' (known: dir, ring, maxThreads)");
                }
            }
        }
        return new AgentOptions(directory, ringEvents, maxThreads);
    }

    Path recordingFile() {
        return directory.resolve("iotrace-" + ProcessHandle.current().pid() + ".iotrace");
    }
}
