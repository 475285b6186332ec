package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/** {@code DatagramChannelImpl.send(ByteBuffer, SocketAddress)}. */
public final class DatagramSendAdvice {
    private DatagramSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) ByteBuffer buffer) {
        return IoTrace.enter(buffer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) ByteBuffer buffer,
                     @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.SEND, self, IoTrace.kindOf(buffer), n, 0, thrown);
    }
}
