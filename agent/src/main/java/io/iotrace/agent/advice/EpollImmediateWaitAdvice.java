package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** Netty epoll {@code Native.epollWait(epollFd, events, immediatePoll)}: returns at once, or waits without limit. */
public final class EpollImmediateWaitAdvice {
    private EpollImmediateWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) Object epollFd,
                     @Advice.Argument(2) boolean immediate, @Advice.Return int ready,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitWait(t, NativeTransport.EPOLL, epollFd, !immediate, ready, thrown);
    }
}
