package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.BlockingEvents;
import io.iotrace.agent.runtime.IoTrace;
import net.bytebuddy.asm.Advice;

/**
 * {@code Thread.yield}, from JDK 19 on, where it is a Java method that calls the native {@code yield0} (on JDK 17 it
 * is native itself, and wrapping a native method needs a JVM flag).
 * Recorded only for the blocking probe, as a JFR event with its duration and stack.
 */
public final class ThreadYieldAdvice {
    private ThreadYieldAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return IoTrace.enterBlockingMethod();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object begun) {
        IoTrace.exitBlockingMethod(begun, BlockingEvents.THREAD_YIELD);
    }
}
