package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.Confidence;
import io.iotrace.analyzers.model.IoModel;
import io.iotrace.analyzers.model.Mechanism;
import io.iotrace.analyzers.model.ThreadRole;
import io.iotrace.analyzers.model.Verdict;

import java.util.List;

/**
 * One thread's model, role, copies and waits. The verdict's fields have the names and values a recording's thread
 * report gives them.
 */
public record SyscallThreadReport(int tid, ThreadRole role, IoModel ioModel, Mechanism mechanism, Confidence confidence,
                           String evidence, long syscalls, CopyFigures copies, List<WaitFigures> waits) {

    static SyscallThreadReport of(int tid, Verdict verdict, ThreadRole role, long syscalls, CopyFigures copies,
                           List<WaitFigures> waits) {
        return new SyscallThreadReport(tid, role, verdict.model(), verdict.mechanism(), verdict.confidence(),
                verdict.evidence(), syscalls, copies, waits);
    }

    public Verdict verdict() {
        return new Verdict(ioModel, mechanism, null, confidence, evidence, null);
    }
}
