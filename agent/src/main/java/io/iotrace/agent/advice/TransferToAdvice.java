package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code FileChannelImpl.transferTo(long, long, WritableByteChannel)}: sendfile where it can. */
public final class TransferToAdvice {
    private TransferToAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) long count) {
        return IoTrace.enter(count);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return long n,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.TRANSFER_TO, self, Ops.BUFFER_NONE, n, 0, thrown);
    }
}
