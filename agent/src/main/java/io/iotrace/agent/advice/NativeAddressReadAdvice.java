package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code readAddress(long, int, int)} and {@code recvAddress(long, int, int)}: the kernel writes
 * straight to native memory, one copy.
 */
public final class NativeAddressReadAdvice {
    private NativeAddressReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(1) int position, @Advice.Argument(2) int limit) {
        return IoTrace.enter(limit - position);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return int n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.READ, self, fd, Ops.DIRECT_BUFFER, n, thrown);
    }
}
