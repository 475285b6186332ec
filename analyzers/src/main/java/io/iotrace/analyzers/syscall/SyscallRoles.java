package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.ThreadRole;

/**
 * What a thread does for its process, from its model and what its syscalls did to connections. A syscall log has no
 * connection identity, so the role comes from counts: what it accepted, read, connected and started.
 */
final class SyscallRoles {

    private SyscallRoles() {
    }

    static ThreadRole role(ThreadActivity t, IoModel model) {
        return switch (model) {
            case NONE -> ThreadRole.IDLE;
            case ASYNC -> ThreadRole.COMPLETION_HANDLER;
            case NON_BLOCKING_POLLING -> ThreadRole.POLLER;
            case MULTIPLEXING, SIGNAL_DRIVEN -> t.successfulReads > 0 || t.socketDataCalls > 0
                    ? ThreadRole.EVENT_LOOP
                    : t.successfulAccepts > 0 ? ThreadRole.ACCEPTOR : ThreadRole.EVENT_LOOP;
            case BLOCKING -> {
                if (t.successfulAccepts > 0 && (t.spawnsAfterAccept > 0 || t.socketDataCalls == 0)) {
                    yield ThreadRole.ACCEPTOR;
                }
                if (t.successfulConnects > 0) {
                    yield ThreadRole.CLIENT;
                }
                yield t.socketDataCalls > 0 ? ThreadRole.CONNECTION_HANDLER : ThreadRole.OTHER;
            }
        };
    }
}
