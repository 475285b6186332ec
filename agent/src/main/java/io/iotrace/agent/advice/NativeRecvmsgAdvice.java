package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native epoll transport's {@code recvmsg(NativeDatagramPacket)}: one datagram and its sender ({@code recvmsg});
 * returns the bytes received, 0 when none was there. Its class is in another package than the descriptor's field,
 * so the number is asked for.
 */
public final class NativeRecvmsgAdvice {
    private NativeRecvmsgAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exit(t, Ops.RECEIVE, self, NativeTransport.numberOf(self), Ops.DIRECT_BUFFER, n, thrown);
    }
}
