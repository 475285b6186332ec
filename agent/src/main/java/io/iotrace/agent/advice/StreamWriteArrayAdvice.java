package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code write(byte[])} of FileOutputStream and RandomAccessFile: writes the whole array or throws. */
public final class StreamWriteArrayAdvice {
    private StreamWriteArrayAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) byte[] bytes) {
        return IoTrace.enter(bytes.length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) byte[] bytes,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.WRITE, self, thrown == null ? bytes.length : 0, thrown);
    }
}
