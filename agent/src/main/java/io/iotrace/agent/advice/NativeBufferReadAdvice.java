package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code read(ByteBuffer, int, int)} and {@code recv(ByteBuffer, int, int)} of a descriptor: the
 * kernel fills the buffer (direct, as the transport requires); -1 at end of stream, 0 when nothing was there.
 */
public final class NativeBufferReadAdvice {
    private NativeBufferReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(0) ByteBuffer buffer, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.READ, self, fd, IoTrace.kindOf(buffer), n, thrown);
    }
}
