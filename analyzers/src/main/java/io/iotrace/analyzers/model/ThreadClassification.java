package io.iotrace.analyzers.model;

import java.util.Set;

/**
 * One thread's model, role and the connections it served.
 *
 * @param profile      the evidence
 * @param verdict      the I/O model and why
 * @param role         what the thread does for the process
 * @param roleEvidence why it has that role
 * @param served       ids of the server-side connections it read, wrote, completed operations on or, for an event
 *                     loop that hands them to workers, waits for
 */
public record ThreadClassification(ThreadProfile profile, Verdict verdict, ThreadRole role, String roleEvidence,
                                   Set<Integer> served) {

    public long threadKey() {
        return profile.thread().key();
    }

    /** How many server-side connections it served. */
    public int connections() {
        return served.size();
    }
}
