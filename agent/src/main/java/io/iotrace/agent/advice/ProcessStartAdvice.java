package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.BlockingEvents;
import io.iotrace.agent.runtime.IoTrace;
import net.bytebuddy.asm.Advice;

/**
 * {@code ProcessBuilder.start}: forks and execs a process. The private {@code start(Redirect[])} (JDK 17 and 25), which
 * {@code start()}, {@code startPipeline} and {@code Runtime.exec} all go through.
 * Recorded only for the blocking probe, as a JFR event with its duration and stack.
 */
public final class ProcessStartAdvice {
    private ProcessStartAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return IoTrace.enterBlockingMethod();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object begun) {
        IoTrace.exitBlockingMethod(begun, BlockingEvents.PROCESS_START);
    }
}
