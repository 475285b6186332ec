package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native epoll transport's {@code Native.splice(fdIn, offIn, fdOut, offOut, length)}: bytes moved between a socket
 * and a pipe (or a pipe and a file) inside the kernel, zero-copy.
 */
public final class NativeSpliceAdvice {
    private NativeSpliceAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(4) long length) {
        return IoTrace.enter(length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) int fdIn, @Advice.Argument(2) int fdOut,
                     @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        NativeTransport.exitSplice(t, fdIn, fdOut, n, thrown);
    }
}
