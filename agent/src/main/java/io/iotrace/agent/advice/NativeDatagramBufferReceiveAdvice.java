package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeDatagrams;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code recvFrom(ByteBuffer, int, int)}: one datagram and its sender ({@code recvfrom}); the
 * address object it returns says how many bytes came, null when none was there.
 */
public final class NativeDatagramBufferReceiveAdvice {
    private NativeDatagramBufferReceiveAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(0) ByteBuffer buffer, @Advice.Return Object sender,
                     @Advice.Thrown Throwable thrown) {
        NativeDatagrams.exit(t, Ops.RECEIVE, self, fd, IoTrace.kindOf(buffer), NativeDatagrams.received(sender),
                thrown);
    }
}
