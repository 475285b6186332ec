package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code ServerSocketChannelImpl.accept()}: null from a non-blocking channel means nobody was waiting. */
public final class ChannelAcceptAdvice {
    private ChannelAcceptAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return Object accepted,
                     @Advice.Thrown Throwable thrown) {
        long related = accepted == null ? 0 : IoTrace.idOf(t, accepted, Ops.SOCKET_CHANNEL);
        IoTrace.exitChannel(t, Ops.ACCEPT, self, Ops.BUFFER_NONE, accepted == null ? 0 : 1, related, thrown);
    }
}
