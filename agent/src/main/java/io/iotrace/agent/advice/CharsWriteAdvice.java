package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code RandomAccessFile.writeChars(String)}: two bytes per char, past {@code write} on JDK 17 as well. */
public final class CharsWriteAdvice {
    private CharsWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) String text) {
        return IoTrace.enter(2L * text.length());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) String text,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitStream(t, Ops.WRITE, self, thrown == null ? 2L * text.length() : 0, thrown);
    }
}
