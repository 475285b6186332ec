package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/** {@code write(ByteBuffer)} and {@code write(ByteBuffer, long)} of socket, datagram and file channels. */
public final class ChannelWriteAdvice {
    private ChannelWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) ByteBuffer buffer) {
        return IoTrace.enter(buffer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) ByteBuffer buffer,
                     @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.WRITE, self, IoTrace.kindOf(buffer), n, 0, thrown);
    }
}
