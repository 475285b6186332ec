package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * Netty epoll {@code Native.epollWait(epollFd, events, timerFd, seconds, nanos)}: waits up to the timer's time; none at
 * all when both are 0.
 */
public final class EpollTimerWaitAdvice {
    private EpollTimerWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) Object epollFd,
                     @Advice.Argument(3) int seconds, @Advice.Argument(4) int nanos, @Advice.Return int ready,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitWait(t, NativeTransport.EPOLL, epollFd, seconds != 0 || nanos != 0, ready, thrown);
    }
}
