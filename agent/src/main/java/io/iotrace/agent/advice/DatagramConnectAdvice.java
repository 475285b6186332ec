package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * {@code DatagramChannelImpl.connect(SocketAddress, boolean)}, which the public {@code connect} and
 * {@code DatagramSocket.connect} both call: it sends nothing, but takes the channel's locks and may wait for a
 * {@code receive} in progress on another thread.
 */
public final class DatagramConnectAdvice {
    private DatagramConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.CONNECT, self, Ops.BUFFER_NONE, thrown == null ? 1 : 0, 0, thrown);
    }
}
