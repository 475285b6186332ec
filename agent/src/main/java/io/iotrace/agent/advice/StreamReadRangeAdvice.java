package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code read(byte[], int, int)} of FileInputStream and RandomAccessFile. */
public final class StreamReadRangeAdvice {
    private StreamReadRangeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(2) int length) {
        return IoTrace.enter(length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.READ, self, n, thrown);
    }
}
