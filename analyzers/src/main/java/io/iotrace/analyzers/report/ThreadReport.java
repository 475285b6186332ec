package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;

/**
 * One thread: who it is, its role and I/O model with the evidence, and its figures.
 *
 * @param key          unique within the recording
 * @param javaId       {@code Thread.getId()}
 * @param osTid        Linux thread id, 0 when unknown
 * @param name         the thread's name
 * @param virtual      a virtual thread
 * @param role         what it does for the process
 * @param roleEvidence why it has that role
 * @param ioModel      the I/O model of its code
 * @param mechanism    epoll, poll, thread pool, epoll port; null when none
 * @param underneath   what the JDK does below the code-level model, when it differs; else null
 * @param confidence   low when the evidence is thin
 * @param evidence     the counts behind the model
 * @param connections  server-side connections it served
 * @param accepted     connections it accepted
 * @param io           its waits and copies
 */
public record ThreadReport(long key, long javaId, int osTid, String name, boolean virtual, ThreadRole role,
                           String roleEvidence, IoModel ioModel, Mechanism mechanism, String underneath,
                           Confidence confidence, String evidence, int connections, long accepted, IoSummary io) {

    /** The thread's model as a verdict, to compare with another thread's or the process's. */
    public Verdict verdict() {
        return new Verdict(ioModel, mechanism, underneath, confidence, evidence, null);
    }
}
