package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What the advice in native transports (Netty's epoll transport, shaded or not) calls: their calls are recorded as
 * the JDK's channel calls are, on a resource that stands for the descriptor number the transport hands to the kernel.
 * Their sockets are always non-blocking (created and accepted with {@code SOCK_NONBLOCK}): a call that moves nothing
 * would have blocked.
 */
public final class NativeTransport {
    /** The description of a native epoll transport's wait; the analyzers read the mechanism and transport from it. */
    public static final String EPOLL = "native epoll transport";

    /** The descriptor number inside a transport's descriptor object, from its public {@code intValue()}. */
    private static final ClassValue<MethodHandle> NUMBER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "intValue", MethodType.methodType(int.class))
                        .asType(MethodType.methodType(int.class, Object.class));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    };

    private NativeTransport() {
    }

    /** Records a finished read, write or sendfile on descriptor {@code fd} of {@code socket}. */
    public static void exit(ThreadRecorder t, int op, Object socket, int fd, int buffer, long moved, Throwable thrown) {
        if (t == null) {
            return;
        }
        NativeFd resource = NativeFds.current(fd, Ops.SOCKET_CHANNEL, null);
        boolean firstSight = resource.adopt(socket);
        IoTrace.exit(t, op, Ops.SOCKET_CHANNEL, resource, false, buffer, moved, 0, thrown);
        if (firstSight) {
            redescribe(t, resource);
        }
    }

    /** Records a finished accept on listening descriptor {@code fd}: {@code accepted} is the new one, or -1. */
    public static void exitAccept(ThreadRecorder t, Object listening, int fd, int accepted, Throwable thrown) {
        if (t == null) {
            return;
        }
        NativeFd resource = NativeFds.current(fd, Ops.SERVER_SOCKET_CHANNEL, null);
        resource.adopt(listening);
        long related = 0;
        if (thrown == null && accepted >= 0) {
            related = IoTrace.idOf(t, NativeFds.fresh(accepted, Ops.SOCKET_CHANNEL, null), Ops.SOCKET_CHANNEL);
        }
        IoTrace.exit(t, Ops.ACCEPT, Ops.SERVER_SOCKET_CHANNEL, resource, false, Ops.BUFFER_NONE,
                accepted >= 0 ? 1 : 0, related, thrown);
    }

    /** Records a finished connect (a new connection on {@code fd}) or finishConnect. */
    public static void exitConnect(ThreadRecorder t, int op, Object socket, int fd, boolean connected,
                                   Throwable thrown) {
        if (t == null) {
            return;
        }
        NativeFd resource = op == Ops.CONNECT ? NativeFds.fresh(fd, Ops.SOCKET_CHANNEL, null)
                : NativeFds.current(fd, Ops.SOCKET_CHANNEL, null);
        resource.adopt(socket);
        IoTrace.exit(t, op, Ops.SOCKET_CHANNEL, resource, false, Ops.BUFFER_NONE, connected ? 1 : 0, 0, thrown);
    }

    /**
     * Records a finished readiness wait of a transport on its descriptor object {@code waitFd}; {@code blocking}
     * is false for a wait that returns at once (selectNow's counterpart).
     */
    public static void exitWait(ThreadRecorder t, String transport, Object waitFd, boolean blocking, int ready,
                                Throwable thrown) {
        if (t == null) {
            return;
        }
        int fd;
        try {
            MethodHandle number = NUMBER.get(waitFd.getClass());
            fd = number == null ? -1 : (int) number.invokeExact(waitFd);
        } catch (Throwable e) {
            fd = -1;
        }
        IoTrace.exit(t, Ops.SELECT, Ops.SELECTOR, NativeFds.current(fd, Ops.SELECTOR, transport), blocking,
                Ops.BUFFER_NONE, ready, 0, thrown);
    }

    private static void redescribe(ThreadRecorder t, NativeFd resource) {
        Recorder r = IoTrace.recorder();
        if (r != null) {
            r.resources.redescribe(r.resources.idOf(t, resource, resource.kind), resource.kind, resource);
        }
    }
}
