package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Architecture;
import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.Verdict;

import java.util.List;

/**
 * One process: its model (that of the threads moving its data), its architecture, and its threads.
 *
 * @param parentPid the process that forked it, 0 when the log does not show one
 * @param program   the program it executed, or null when the log does not show an {@code execve}
 * @param exit      how it ended ("exited with 0", "killed by SIGKILL"), or null
 * @param threads   its threads one by one: the running ones and the busiest that exited
 * @param threadGroups the other exited threads, added up by role, model and mechanism
 */
public record SyscallProcessReport(int pid, int parentPid, String program, IoModel ioModel, Mechanism mechanism,
                            Confidence confidence, String evidence, Architecture architecture,
                            List<String> architectureEvidence, CopyFigures copies, List<WaitFigures> waits,
                            List<SyscallThreadReport> threads, List<ThreadGroupReport> threadGroups, String exit) {

    static SyscallProcessReport of(int pid, int parentPid, String program, Verdict verdict, Architecture architecture,
                            List<String> architectureEvidence, CopyFigures copies, List<WaitFigures> waits,
                            List<SyscallThreadReport> threads, List<ThreadGroupReport> threadGroups, String exit) {
        return new SyscallProcessReport(pid, parentPid, program, verdict.model(), verdict.mechanism(), verdict.confidence(),
                verdict.evidence(), architecture, architectureEvidence, copies, waits, threads, threadGroups, exit);
    }

    public Verdict verdict() {
        return new Verdict(ioModel, mechanism, null, confidence, evidence, null);
    }

    public SyscallThreadReport thread(int tid) {
        return threads.stream().filter(t -> t.tid() == tid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no thread " + tid + " in process " + pid));
    }

    /** The wait figures of one syscall, or null when the process never made it. */
    public WaitFigures waits(String call) {
        return waits.stream().filter(w -> w.call().equals(call)).findFirst().orElse(null);
    }
}
