package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** A native transport's {@code accept(byte[])}: the accepted descriptor, or -1 when nobody was waiting. */
public final class NativeAcceptAdvice {
    private NativeAcceptAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.FieldValue("fd") int fd,
                     @Advice.Return int accepted,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitAccept(t, self, fd, accepted, thrown);
    }
}
