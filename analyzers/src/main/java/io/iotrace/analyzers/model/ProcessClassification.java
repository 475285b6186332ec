package io.iotrace.analyzers.model;

import java.util.List;

/**
 * The classification of one process: every thread, its groups and the architecture.
 *
 * @param threads      every thread, in the order first seen
 * @param groups       threads with the same role and model, serving roles first
 * @param architecture how the process serves its connections
 */
public record ProcessClassification(List<ThreadClassification> threads, List<ThreadGroup> groups,
                                    ArchitectureVerdict architecture) {
}
