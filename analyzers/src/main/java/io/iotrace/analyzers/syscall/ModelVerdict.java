package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.IoModel;

import java.util.List;

/**
 * An I/O model with the mechanism that carries it (e.g. {@code epoll_wait}) and the counts that made it so.
 *
 * @param mechanism the wait or submission call, or null when there is none to name
 */
public record ModelVerdict(IoModel model, String mechanism, List<String> evidence) {
}
