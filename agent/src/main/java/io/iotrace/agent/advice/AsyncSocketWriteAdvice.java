package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;

/**
 * {@code UnixAsynchronousSocketChannelImpl.implWrite}: an asynchronous socket write is submitted.
 * With a handler the submission is recorded before the call, since the JDK may complete it inside the
 * call; with a Future it is recorded after, keyed by that Future.
 */
public final class AsyncSocketWriteAdvice {
    private AsyncSocketWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object self, @Advice.Argument(1) java.nio.ByteBuffer buffer, @Advice.Argument(2) java.nio.ByteBuffer[] buffers,
                      @Advice.Argument(5) Object attachment, @Advice.Argument(6) Object handler) {
        long requested = buffer != null ? buffer.remaining() : IoTrace.remaining(buffers, 0, buffers.length);
        if (handler != null) {
            IoTrace.asyncSubmit(Ops.WRITE, self, requested, IoTrace.asyncKey(handler, attachment));
        }
        return requested;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter long requested, @Advice.This Object self, @Advice.Argument(6) Object handler,
                     @Advice.Return Future<?> future) {
        if (handler == null) {
            IoTrace.asyncSubmitFuture(Ops.WRITE, self, requested, future);
        }
    }
}
