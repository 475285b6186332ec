package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.NativeTransport;
import net.bytebuddy.asm.Advice;

/**
 * Netty io_uring {@code SubmissionQueue.enqueueSqe(opcode, flags, ioPrio, fd, off, addr, len, ..., udata, ...)}: one
 * operation put in the ring, which the kernel carries out after the next {@code io_uring_enter}.
 */
public final class IoUringSubmitAdvice {
    private IoUringSubmitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) byte opcode, @Advice.Argument(3) int fd, @Advice.Argument(6) int length,
                      @Advice.Argument(8) long udata) {
        NativeTransport.ioUringSubmit(opcode, fd, length, udata);
    }
}
