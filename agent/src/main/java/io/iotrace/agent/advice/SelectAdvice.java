package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import java.util.Set;
import net.bytebuddy.asm.Advice;

/**
 * {@code SelectorImpl.lockAndDoSelect(Consumer, long)}, which every select, select(timeout) and selectNow
 * reaches; a timeout of 0 is selectNow (it does not wait), -1 waits without limit.
 */
public final class SelectAdvice {
    private SelectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter(@Advice.FieldValue("keys") Set<?> keys) {
        return IoTrace.enter(keys.size());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Argument(1) long timeout,
                     @Advice.Return int ready, @Advice.Thrown Throwable thrown) {
        IoTrace.exit(t, Ops.SELECT, Ops.SELECTOR, self, timeout != 0, Ops.BUFFER_NONE, ready, 0, thrown);
    }
}
