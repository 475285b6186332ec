package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/** {@code DatagramChannelImpl.receive(ByteBuffer)}: the bytes moved are what the buffer lost in room. */
public final class DatagramReceiveAdvice {
    private DatagramReceiveAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) ByteBuffer buffer) {
        return IoTrace.enter(buffer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) ByteBuffer buffer,
                     @Advice.Return Object sender, @Advice.Thrown Throwable thrown) {
        long moved = t == null || sender == null ? 0 : IoTrace.requested(t) - buffer.remaining();
        IoTrace.exitChannel(t, Ops.RECEIVE, self, IoTrace.kindOf(buffer), moved, 0, thrown);
    }
}
