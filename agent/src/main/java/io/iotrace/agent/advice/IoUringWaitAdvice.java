package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * Netty io_uring {@code SubmissionQueue.submitAndGet()}, which submits and waits for at least one completion, and
 * {@code submitAndGetNow()}, which does not wait: the loop's {@code io_uring_enter}.
 */
public final class IoUringWaitAdvice {
    private IoUringWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.FieldValue("ringFd") int ringFd,
                     @Advice.Origin("#m") String method, @Advice.Thrown Throwable thrown) {
        NativeTransport.exitRingWait(t, ringFd, method.equals("submitAndGet"), thrown);
    }
}
