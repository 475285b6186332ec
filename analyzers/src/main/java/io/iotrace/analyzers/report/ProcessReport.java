package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.ConnectionShare;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;

import java.util.List;

/**
 * The analysis of one recording (one JVM): its architecture and I/O model, thread groups, threads and resources.
 * Immutable; serialize with enums written through {@code toString()}.
 *
 * @param schema               the report format version, {@value #SCHEMA}
 * @param recording            the traced JVM; null when the recording said nothing about it
 * @param droppedEvents        events the agent could not record (its buffers were full)
 * @param durationNanos        from the first call's start to the last call's end
 * @param ioModel              the I/O model of the serving threads (or of the busiest, without a server)
 * @param mechanism            its mechanism, null when none
 * @param underneath           what the JDK does below that model when it differs, else null
 * @param architecture         how the process serves connections
 * @param architectureSentence the same in one sentence
 * @param architectureEvidence the counts behind it
 * @param confidence           low when the evidence is thin
 * @param connections          server-side connections accepted
 * @param connectionSpread     connections per serving thread, most first
 * @param totals               every thread's figures added up
 * @param groups               thread groups, serving roles first
 * @param threads              every thread, in the order first seen
 * @param resources            every resource, the most waited-on and most copied first
 */
public record ProcessReport(String schema, RecordingSummary recording, long droppedEvents, long durationNanos,
                            IoModel ioModel, Mechanism mechanism, String underneath, Architecture architecture,
                            String architectureSentence, String architectureEvidence, Confidence confidence,
                            int connections, List<ConnectionShare> connectionSpread, IoSummary totals,
                            List<GroupReport> groups, List<ThreadReport> threads, List<ResourceReport> resources) {

    public static final String SCHEMA = "iotrace.report/2";
}
