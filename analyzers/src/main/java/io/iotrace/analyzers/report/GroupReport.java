package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.SeedAnswers;
import io.iotrace.analyzers.model.ThreadRole;

import java.util.List;

/**
 * Threads with the same role and I/O model, with the seed questions answered.
 *
 * @param label       member names compressed ({@code worker-1..8})
 * @param role        the shared role
 * @param ioModel     the shared model
 * @param mechanism   its mechanism, null when none
 * @param underneath  what the JDK does below the model, when it differs; else null
 * @param virtual     virtual threads
 * @param confidence  the lowest of the members'
 * @param evidence    the busiest member's evidence
 * @param threads     how many members
 * @param threadKeys  the members' keys
 * @param connections server-side connections the members served
 * @param questions   how it waits, who is notified, how data gets to user space
 * @param io          the members' figures added up
 */
public record GroupReport(String label, ThreadRole role, IoModel ioModel, Mechanism mechanism, String underneath,
                          boolean virtual, Confidence confidence, String evidence, int threads, List<Long> threadKeys,
                          int connections, SeedAnswers questions, IoSummary io) {
}
