package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code sendTo(ByteBuffer, int, int, InetAddress, int, boolean)}: one datagram to an address
 * ({@code sendto}), or with TCP fast open a connection's first bytes.
 */
public final class NativeDatagramBufferSendAdvice {
    private NativeDatagramBufferSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(0) ByteBuffer buffer, @Advice.Argument(5) boolean fastOpen,
                     @Advice.Return int n, @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exitSend(t, self, fd, IoTrace.kindOf(buffer), n, fastOpen, thrown);
    }
}
