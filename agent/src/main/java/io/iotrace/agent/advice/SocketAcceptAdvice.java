package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code NioSocketImpl.accept(SocketImpl)}: ServerSocket.accept; the argument becomes the connection. */
public final class SocketAcceptAdvice {
    private SocketAcceptAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) Object accepted,
                     @Advice.Thrown Throwable thrown) {
        long related = thrown == null ? IoTrace.idOf(t, accepted, Ops.SOCKET) : 0;
        IoTrace.exit(t, Ops.ACCEPT, Ops.SERVER_SOCKET, self, true, Ops.BUFFER_NONE, thrown == null ? 1 : 0,
                related, thrown);
    }
}
