package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code write(ByteBuffer, int, int)} and {@code send(ByteBuffer, int, int)} of a descriptor; 0
 * when the socket was full.
 */
public final class NativeBufferWriteAdvice {
    private NativeBufferWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(0) ByteBuffer buffer, @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.WRITE, self, fd, IoTrace.kindOf(buffer), n, thrown);
    }
}
