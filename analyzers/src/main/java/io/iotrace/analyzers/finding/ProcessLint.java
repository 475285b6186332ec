package io.iotrace.analyzers.finding;

import java.util.List;

/**
 * The lint of one traced JVM.
 *
 * @param recording   the {@code .iotrace} file
 * @param pid         the JVM's process id
 * @param javaVersion its {@code java.version}
 * @param command     its main class or jar and arguments
 * @param application which code was taken as the application's (its waits are findings; libraries' own locks not)
 * @param loops       its event-loop threads, the worst stall first
 * @param findings    blocking calls on them, the most time blocked first
 * @param startUp     waits of the server's start-up on them, apart: they fail the gate only when asked to
 */
public record ProcessLint(String recording, long pid, String javaVersion, String command, String application,
                          List<LoopHealth> loops, List<Finding> findings, List<Finding> startUp) {
}
