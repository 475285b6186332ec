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

    /**
     * True when a loop finds connections ready but reads and writes none of them: it hands them to the threads that
     * do (the JDK's HttpServer dispatcher, a poller of a servlet container). An accept loop finds about one ready
     * descriptor per accept; a watcher one per request, many per connection.
     */
    static boolean watches(SyscallThreadProfile loop) {
        return loop.socketDataCalls() == 0 && loop.readyResults() > 2 * loop.accepts();
    }

    /** @param watcher true when a loop of the process watches connections that other threads read */
    static ThreadRole role(ThreadActivity t, IoModel model, boolean watcher) {
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
                if (t.socketDataCalls == 0) {
                    yield ThreadRole.OTHER;
                }
                // Without connection identity, a blocking reader beside a watcher is the reader it hands to.
                yield watcher ? ThreadRole.WORKER : ThreadRole.CONNECTION_HANDLER;
            }
        };
    }
}
