package io.iotrace.analyzers.syscall;

import io.iotrace.analyzers.model.ThreadRole;

import java.util.List;

/** One thread's verdict, role, copies and waits. */
public record ThreadReport(int tid, ModelVerdict verdict, ThreadRole role, long syscalls, CopyFigures copies,
                           List<WaitFigures> waits) {
}
