package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code sendToAddresses(long, int, InetAddress, int, boolean)}: one datagram gathered from an
 * array of native {@code iovec}s to an address ({@code sendmsg}), whose byte total the call does not carry; or with
 * TCP fast open a connection's first bytes.
 */
public final class NativeDatagramGatherSendAdvice {
    private NativeDatagramGatherSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(4) boolean fastOpen, @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exitSend(t, self, fd, Ops.DIRECT_BUFFER, n, fastOpen, thrown);
    }
}
