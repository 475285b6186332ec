package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.NativeTransport;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * Netty epoll {@code Native.epollBusyWait(epollFd, events)}: spins in the kernel call without sleeping, so it does not
 * wait.
 */
public final class EpollBusyWaitAdvice {
    private EpollBusyWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) Object epollFd, @Advice.Return int ready,
                     @Advice.Thrown Throwable thrown) {
        NativeTransport.exitWait(t, NativeTransport.EPOLL, epollFd, false, ready, thrown);
    }
}
