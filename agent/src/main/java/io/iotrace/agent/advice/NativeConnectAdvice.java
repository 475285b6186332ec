package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** A native transport's {@code connect(SocketAddress)}: true when connected at once, false while in progress. */
public final class NativeConnectAdvice {
    private NativeConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return boolean connected,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitConnect(t, Ops.CONNECT, self, fd, connected, thrown);
    }
}
