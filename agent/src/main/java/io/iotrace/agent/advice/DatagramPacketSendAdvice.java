package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.IoTrace;
import io.iotrace.agent.runtime.Ops;
import io.iotrace.agent.runtime.ThreadRecorder;
import net.bytebuddy.asm.Advice;

/**
 * {@code DatagramChannelImpl.blockingSend(DatagramPacket...)}, through which {@code DatagramSocket.send} goes on JDK 21+,
 * past the channel's public methods. The bytes are not counted: a packet's getters are {@code synchronized}, and the
 * recording path takes no lock an application thread could hold.
 */
public final class DatagramPacketSendAdvice {
    private DatagramPacketSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadRecorder enter() {
        return IoTrace.enter(0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadRecorder t, @Advice.This Object self, @Advice.Thrown Throwable thrown) {
        IoTrace.exitChannel(t, Ops.SEND, self, Ops.HEAP_ARRAY, 0, 0, thrown);
    }
}
