package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native epoll transport's {@code sendmmsg(NativeDatagramPacket[], int offset, int length)}: several datagrams in
 * one system call; returns how many were sent.
 */
public final class NativeSendmmsgAdvice {
    private NativeSendmmsgAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) Object[] packets,
                     @Advice.Argument(1) int offset, @Advice.Return int datagrams, @Advice.Thrown Throwable thrown) {
        if (t != null) {
            long bytes = thrown == null ? NativeDatagrams.sentFrom(packets, offset, datagrams) : 0;
            NativeDatagrams.exit(t, Ops.SEND, self, NativeTransport.numberOf(self), Ops.DIRECT_BUFFER, bytes, thrown);
        }
    }
}
