package io.iotrace.analyzers.event;

/**
 * A socket, channel, file or selector that calls were made on.
 *
 * @param id          unique within one recording
 * @param kind        what JDK object it is
 * @param description endpoint ({@code 127.0.0.1:5000->127.0.0.1:40222}), file path, or selector implementation
 */
public record Resource(int id, ResourceKind kind, String description) {
}
