package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadRole;

/**
 * Threads of a process that exited and were added up into one group rather than kept one by one: how many, what
 * they did (role, model, mechanism) and their syscalls and copies together.
 */
public record ThreadGroupReport(int threads, ThreadRole role, IoModel ioModel, Mechanism mechanism, long syscalls,
                                CopyFigures copies) {
}
