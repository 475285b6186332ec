package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code write(int)} of FileOutputStream and RandomAccessFile. */
public final class StreamWriteByteAdvice {
    private StreamWriteByteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(1);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.WRITE, self, thrown == null ? 1 : 0, thrown);
    }
}
