package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code read()} of FileInputStream and RandomAccessFile: one byte, or -1 at end of file. */
public final class StreamReadByteAdvice {
    private StreamReadByteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(1);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return int b,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.READ, self, b < 0 ? -1 : 1, thrown);
    }
}
