package io.iotrace.analyzers.model;

import java.util.List;

/**
 * How a process serves its connections, in one sentence, with the evidence.
 *
 * @param architecture the architecture
 * @param model        the I/O model of the threads that serve (or, with no server, that do the work), and why
 * @param sentence     what a person reads ("one selector thread accepts and reads; 4 workers do I/O on its
 *                     connections")
 * @param evidence     the counts behind it
 * @param confidence   low when the evidence is thin
 * @param connections  server-side connections accepted or served in the process
 * @param spread       connections per serving thread, most first
 */
public record ArchitectureVerdict(Architecture architecture, Verdict model, String sentence, String evidence,
                                  Confidence confidence, int connections, List<ConnectionShare> spread) {

    public IoModel ioModel() {
        return model.model();
    }

    /** Null when the model has none. */
    public Mechanism mechanism() {
        return model.mechanism();
    }

    /** What the JDK does below the model when it differs, else null. */
    public String underneath() {
        return model.underneath();
    }
}
