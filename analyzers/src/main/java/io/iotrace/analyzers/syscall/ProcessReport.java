package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Architecture;

import java.util.List;

/**
 * One process: its model (that of the threads moving its data), its architecture, and its threads.
 *
 * @param parentPid the process that forked it, 0 when the log does not show one
 * @param program   the program it executed, or null when the log does not show an {@code execve}
 * @param exit      how it ended ("exited with 0", "killed by SIGKILL"), or null
 */
public record ProcessReport(int pid, int parentPid, String program, ModelVerdict verdict, Architecture architecture,
                            List<String> architectureEvidence, CopyFigures copies, List<WaitFigures> waits,
                            List<ThreadReport> threads, String exit) {

    public ThreadReport thread(int tid) {
        return threads.stream().filter(t -> t.tid() == tid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no thread " + tid + " in process " + pid));
    }

    /** The wait figures of one syscall, or null when the process never made it. */
    public WaitFigures waits(String call) {
        return waits.stream().filter(w -> w.call().equals(call)).findFirst().orElse(null);
    }
}
