package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code NioSocketImpl.read(byte[], int, int)}: every Socket input stream read. */
public final class SocketStreamReadAdvice {
    private SocketStreamReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(2) int length) {
        return IoTrace.enter(length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exit(t, Ops.READ, Ops.SOCKET, self, true, Ops.HEAP_ARRAY, n, 0, thrown);
    }
}
