package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;

/**
 * {@code UnixAsynchronousSocketChannelImpl.implConnect}: an asynchronous connect is submitted.
 * With a handler the submission is recorded before the call, since the JDK may complete it inside the
 * call; with a Future it is recorded after, keyed by that Future.
 */
public final class AsyncConnectAdvice {
    private AsyncConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object self, 
                      @Advice.Argument(1) Object attachment, @Advice.Argument(2) Object handler) {
        long requested = 0;
        if (handler != null) {
            IoTrace.asyncSubmit(Ops.CONNECT, self, requested, IoTrace.asyncKey(handler, attachment));
        }
        return requested;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter long requested, @Advice.This Object self, @Advice.Argument(2) Object handler,
                     @Advice.Return Future<?> future) {
        if (handler == null) {
            IoTrace.asyncSubmitFuture(Ops.CONNECT, self, requested, future);
        }
    }
}
