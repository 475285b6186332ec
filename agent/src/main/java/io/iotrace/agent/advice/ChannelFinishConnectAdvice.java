package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code SocketChannelImpl.finishConnect()}. */
public final class ChannelFinishConnectAdvice {
    private ChannelFinishConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return boolean connected,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.FINISH_CONNECT, self, Ops.BUFFER_NONE, connected ? 1 : 0, 0, thrown);
    }
}
