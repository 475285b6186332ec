package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * A native transport's {@code writevAddresses(long, int)}: one writev of an array of native {@code iovec}s, whose byte
 * total the call does not carry.
 */
public final class NativeAddressGatherWriteAdvice {
    private NativeAddressGatherWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return long n,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exit(t, Ops.WRITE, self, fd, Ops.DIRECT_BUFFER, n, thrown);
    }
}
