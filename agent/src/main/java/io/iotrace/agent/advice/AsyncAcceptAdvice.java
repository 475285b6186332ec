package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;

/**
 * {@code UnixAsynchronousServerSocketChannelImpl.implAccept}: an asynchronous accept is submitted.
 * With a handler the submission is recorded before the call, since the JDK may complete it inside the
 * call; with a Future it is recorded after, keyed by that Future.
 */
public final class AsyncAcceptAdvice {
    private AsyncAcceptAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object self, 
                      @Advice.Argument(0) Object attachment, @Advice.Argument(1) Object handler) {
        long requested = 0;
        if (handler != null) {
            IoTrace.asyncSubmit(Ops.ACCEPT, self, requested, IoTrace.asyncKey(handler, attachment));
        }
        return requested;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter long requested, @Advice.This Object self, @Advice.Argument(1) Object handler,
                     @Advice.Return Future<?> future) {
        if (handler == null) {
            IoTrace.asyncSubmitFuture(Ops.ACCEPT, self, requested, future);
        }
    }
}
