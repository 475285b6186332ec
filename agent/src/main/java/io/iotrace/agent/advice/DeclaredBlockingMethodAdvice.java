package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.BlockingEvents;
import io.iotrace.agent.runtime.IoTrace;
import net.bytebuddy.asm.Advice;

/**
 * A method of the application's that its user declares blocking ({@code --blocking-method}), in any class loader.
 * Recorded only for the blocking probe, as a JFR event with its duration and stack.
 */
public final class DeclaredBlockingMethodAdvice {
    private DeclaredBlockingMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return IoTrace.enterBlockingMethod();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object begun) {
        IoTrace.exitBlockingMethod(begun, BlockingEvents.DECLARED);
    }
}
