package io.iotrace.analyzers.model;

/**
 * One thread's model, role and the connections it served.
 *
 * @param profile      the evidence
 * @param verdict      the I/O model and why
 * @param role         what the thread does for the process
 * @param roleEvidence why it has that role
 * @param connections  server-side connections it read or wrote (or completed operations on)
 */
public record ThreadClassification(ThreadProfile profile, Verdict verdict, ThreadRole role, String roleEvidence,
                                   int connections) {

    public long threadKey() {
        return profile.thread().key();
    }
}
