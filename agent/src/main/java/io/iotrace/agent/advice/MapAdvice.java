package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** {@code FileChannelImpl.map(MapMode, long, long)}: mmap; later access copies nothing through the kernel. */
public final class MapAdvice {
    private MapAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.Argument(2) long size) {
        return IoTrace.enter(size);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(2) long size,
                     @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.MAP, self, Ops.MAPPED_BUFFER, thrown == null ? size : 0, 0, thrown);
    }
}
