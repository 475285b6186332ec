package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * Netty io_uring {@code SubmissionQueue.addEventFdRead(...)}: the read of the transport's own wake-up eventfd, which
 * is no I/O of the application; what it submits is not recorded.
 */
public final class IoUringOwnWorkAdvice {
    private IoUringOwnWorkAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return NativeTransport.beginOwnWork();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t) {
        NativeTransport.endOwnWork(t);
    }
}
