package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/** Netty epoll {@code Native.epollWait(epollFd, events, timeoutMillis)}: 0 returns at once, -1 waits without limit. */
public final class EpollWaitAdvice {
    private EpollWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) Object epollFd,
                     @Advice.Argument(2) int timeoutMillis, @Advice.Return int ready,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitWait(t, NativeTransport.EPOLL, epollFd, timeoutMillis != 0, ready, thrown);
    }
}
