package io.iotrace.analyzers.report;

/**
 * One socket, channel, file or selector and its figures.
 *
 * @param id          unique within the recording
 * @param kind        {@code socket}, {@code socket-channel}, {@code file-input-stream}, … (the resource kind in
 *                    lower case, dashes for underscores)
 * @param description endpoint, path or selector class
 * @param io          its waits and copies
 */
public record ResourceReport(int id, String kind, String description, IoSummary io) {
}
