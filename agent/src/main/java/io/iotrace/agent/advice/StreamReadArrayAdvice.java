package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code read(byte[])} of FileInputStream and RandomAccessFile. */
public final class StreamReadArrayAdvice {
    private StreamReadArrayAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) byte[] bytes) {
        return IoTrace.enter(bytes.length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.READ, self, n, thrown);
    }
}
