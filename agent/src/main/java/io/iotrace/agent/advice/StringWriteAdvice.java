package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * {@code RandomAccessFile.writeBytes(String)}: one byte per char, written by the private native {@code writeBytes}
 * on JDK 17 (past {@code write}, so neither this agent's write hooks nor Flight Recorder's see it there).
 */
public final class StringWriteAdvice {
    private StringWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) String text) {
        return IoTrace.enter(text.length());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) String text,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.WRITE, self, thrown == null ? text.length() : 0, thrown);
    }
}
