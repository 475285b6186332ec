package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import net.bytebuddy.asm.Advice;

/** {@code PendingFuture.setResult(V)} and {@code setFailure(Throwable)}: an asynchronous Future completes. */
public final class AsyncFutureCompletionAdvice {
    private AsyncFutureCompletionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object future, @Advice.Argument(0) Object valueOrFailure) {
        if (valueOrFailure instanceof Throwable failure) {
            IoTrace.asyncComplete(System.identityHashCode(future), null, failure);
        } else {
            IoTrace.asyncComplete(System.identityHashCode(future), valueOrFailure, null);
        }
    }
}
