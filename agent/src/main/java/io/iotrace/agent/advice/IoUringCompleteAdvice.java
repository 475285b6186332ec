package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.NativeTransport;
import net.bytebuddy.asm.Advice;

/**
 * Netty io_uring {@code IoUringIoHandler.handle(res, flags, udata, extra)}: one completion taken from the ring, handed
 * to its channel on this thread (whose further submissions are recorded too).
 */
public final class IoUringCompleteAdvice {
    private IoUringCompleteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) int result, @Advice.Argument(1) int flags, @Advice.Argument(2) long udata) {
        NativeTransport.ioUringComplete(result, flags, udata);
    }
}
