package io.iotrace.analyzers.event;

/** Receives the events of a syscall log, per thread in the order the log gives them. */
@FunctionalInterface
public interface SyscallEventSink {
    void accept(SyscallEvent event);
}
