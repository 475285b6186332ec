package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code NioSocketImpl.write(byte[], int, int)}: every Socket output stream write; it writes all or throws. */
public final class SocketStreamWriteAdvice {
    private SocketStreamWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(2) int length) {
        return IoTrace.enter(length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(2) int length,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exit(t, Ops.WRITE, Ops.SOCKET, self, true, Ops.HEAP_ARRAY, thrown == null ? length : 0, 0, thrown);
    }
}
