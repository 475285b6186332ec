package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/** {@code write(ByteBuffer[], int, int)}: gathering writes of socket, datagram and file channels. */
public final class ChannelGatherWriteAdvice {
    private ChannelGatherWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) ByteBuffer[] buffers, @Advice.Argument(1) int offset,
                                @Advice.Argument(2) int length) {
        return IoTrace.enter(buffers, offset, length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) ByteBuffer[] buffers,
                     @Advice.Argument(1) int offset, @Advice.Argument(2) int length, @Advice.Return long n,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.WRITE, self, IoTrace.kindOf(buffers, offset, length), n, 0, thrown);
    }
}
