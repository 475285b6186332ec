package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** A native transport's {@code finishConnect()}: true once the connection is made. */
public final class NativeFinishConnectAdvice {
    private NativeFinishConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return boolean connected,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitConnect(t, Ops.FINISH_CONNECT, self, fd, connected, thrown);
    }
}
