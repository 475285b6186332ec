package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code writev(ByteBuffer[], int, int, long)}: one writev of the buffers, at most the last
 * argument's bytes.
 */
public final class NativeGatherWriteAdvice {
    private NativeGatherWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(0) ByteBuffer[] buffers, @Advice.Argument(1) int offset,
                                @Advice.Argument(2) int length, @Advice.Argument(3) long most) {
        return IoTrace.enter(Math.min(IoTrace.remaining(buffers, offset, length), most));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Argument(0) ByteBuffer[] buffers, @Advice.Argument(1) int offset,
                     @Advice.Argument(2) int length, @Advice.Return long n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.WRITE, self, fd, IoTrace.kindOf(buffers, offset, length), n, thrown);
    }
}
