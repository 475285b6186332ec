package io.iotrace.cli.bench;

/**
 * The time from {@code iotrace attach} to the first recorded event on one JVM, in ns: the first attach (the agent
 * and ByteBuddy are loaded, every hook is built) and a second one (the agent is already there).
 */
record AttachLatency(long firstNanos, long againNanos) {
}
