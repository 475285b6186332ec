package io.iotrace.analyzers.correlate;

import java.util.Map;

/**
 * Syscalls a Java thread made outside any recorded call: I/O the agent cannot see (native libraries such as
 * Netty's epoll transport) and the JVM's own work (futex for locks and parking, epoll_ctl for selector updates).
 *
 * @param io    reads, writes, zero-copy, accepts, connects and readiness waits, by syscall name
 * @param other everything else, by syscall name
 */
public record ThreadOutsideCalls(String thread, int tid, Map<String, Long> io, Map<String, Long> other) {
}
