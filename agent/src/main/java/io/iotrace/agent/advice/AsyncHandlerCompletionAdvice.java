package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import net.bytebuddy.asm.Advice;

/**
 * {@code Invoker.invokeUnchecked(CompletionHandler, Object, Object, Throwable)}: where the JDK calls every
 * completion handler of an asynchronous channel, on the thread that runs it.
 */
public final class AsyncHandlerCompletionAdvice {
    private AsyncHandlerCompletionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object handler, @Advice.Argument(1) Object attachment,
                      @Advice.Argument(2) Object value, @Advice.Argument(3) Throwable failure) {
        IoTrace.asyncComplete(IoTrace.asyncKey(handler, attachment), value, failure);
    }
}
