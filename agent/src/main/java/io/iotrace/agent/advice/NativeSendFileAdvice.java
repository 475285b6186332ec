package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native epoll transport's {@code sendFile(DefaultFileRegion, long, long, long)}: sendfile from the region's file to
 * this socket, zero-copy. Its class is in another package than the descriptor's field, so the number is asked for.
 */
public final class NativeSendFileAdvice {
    private NativeSendFileAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(3) long length) {
        return IoTrace.enter(length);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return long n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.TRANSFER_TO, self, NativeTransport.numberOf(self), Ops.BUFFER_NONE, n, thrown);
    }
}
