package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code sendToAddress(long, int, int, InetAddress, int, boolean)}: one datagram from native
 * memory to an address ({@code sendto}), or with TCP fast open a connection's first bytes.
 */
public final class NativeDatagramAddressSendAdvice {
    private NativeDatagramAddressSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(5) boolean fastOpen, @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exitSend(t, self, fd, Ops.DIRECT_BUFFER, n, fastOpen, thrown);
    }
}
