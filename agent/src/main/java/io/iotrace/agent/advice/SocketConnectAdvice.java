package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code NioSocketImpl.connect(SocketAddress, int)}: Socket.connect, which the other overloads reach. */
public final class SocketConnectAdvice {
    private SocketConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Thrown Throwable thrown) {
        IoTrace.exit(t, Ops.CONNECT, Ops.SOCKET, self, true, Ops.BUFFER_NONE, thrown == null ? 1 : 0, 0, thrown);
    }
}
