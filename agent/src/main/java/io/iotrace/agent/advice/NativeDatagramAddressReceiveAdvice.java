package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code recvFromAddress(long, int, int)}: one datagram into native memory and its sender
 * ({@code recvfrom}); the address object it returns says how many bytes came, null when none was there.
 */
public final class NativeDatagramAddressReceiveAdvice {
    private NativeDatagramAddressReceiveAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return Object sender, @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exit(t, Ops.RECEIVE, self, fd, Ops.DIRECT_BUFFER, NativeDatagrams.received(sender), thrown);
    }
}
