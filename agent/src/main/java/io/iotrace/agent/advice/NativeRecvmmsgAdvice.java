package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native epoll transport's {@code recvmmsg(NativeDatagramPacket[], int offset, int length)}: several datagrams in
 * one system call; returns how many came, and each packet holds what it received.
 */
public final class NativeRecvmmsgAdvice {
    private NativeRecvmmsgAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(0) Object[] packets,
                     @Advice.Argument(1) int offset, @Advice.Return int datagrams, @Advice.Thrown Throwable thrown) {
        if (t != null) {
            long bytes = thrown == null ? NativeDatagrams.receivedInto(packets, offset, datagrams) : 0;
            NativeDatagrams.exit(t, Ops.RECEIVE, self, NativeTransport.numberOf(self), Ops.DIRECT_BUFFER, bytes,
                    thrown);
        }
    }
}
