package io.iotrace.agent.advice;

import io.iotrace.agent.runtime.NativeDatagrams;
import net.bytebuddy.asm.Advice;

/** A native epoll transport's {@code newSocketDgram(...)}: a datagram socket made, known as one from now on. */
public final class NativeDatagramSocketAdvice {
    private NativeDatagramSocketAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return Object socket) {
        NativeDatagrams.made(socket);
    }
}
