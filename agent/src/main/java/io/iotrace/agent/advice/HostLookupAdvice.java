package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * {@code InetAddress.getAddressesFromNameService}: a host name lookup that the JVM's address cache did not answer.
 * Recorded only for the blocking probe, as a JFR event with its stack.
 */
public final class HostLookupAdvice {
    private HostLookupAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enterHostLookup();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.Argument(0) String host,
                     @Advice.Return Object[] addresses) {
        IoTrace.exitHostLookup(t, host, addresses);
    }
}
