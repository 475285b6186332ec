package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;

/**
 * {@code SimpleAsynchronousFileChannelImpl.implWrite}: an asynchronous file write is submitted (a blocking write on a pool thread).
 * With a handler the submission is recorded before the call, since the JDK may complete it inside the
 * call; with a Future it is recorded after, keyed by that Future.
 */
public final class AsyncFileWriteAdvice {
    private AsyncFileWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object self, @Advice.Argument(0) java.nio.ByteBuffer buffer,
                      @Advice.Argument(2) Object attachment, @Advice.Argument(3) Object handler) {
        long requested = buffer.remaining();
        if (handler != null) {
            IoTrace.asyncSubmit(Ops.WRITE, self, requested, IoTrace.asyncKey(handler, attachment));
        }
        return requested;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter long requested, @Advice.This Object self, @Advice.Argument(3) Object handler,
                     @Advice.Return Future<?> future) {
        if (handler == null) {
            IoTrace.asyncSubmitFuture(Ops.WRITE, self, requested, future);
        }
    }
}
