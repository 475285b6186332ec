package io.iotrace.analyzers.model;

import java.util.List;

/**
 * How a process serves its connections, in one sentence, with the evidence.
 *
 * @param architecture the architecture
 * @param ioModel      the I/O model of the threads that serve (or, with no server, that do the work)
 * @param mechanism    the mechanism of that model, null when none
 * @param underneath   what the JDK does below that model when it differs, null when nothing does
 * @param sentence     what a person reads ("one selector thread accepts and reads; 4 workers do I/O on its
 *                     connections")
 * @param evidence     the counts behind it
 * @param confidence   low when the evidence is thin
 * @param connections  server-side connections accepted or served in the process
 * @param spread       connections per serving thread, most first
 */
public record ArchitectureVerdict(Architecture architecture, IoModel ioModel, Mechanism mechanism, String underneath,
                                  String sentence, String evidence, Confidence confidence, int connections,
                                  List<ConnectionShare> spread) {
}
