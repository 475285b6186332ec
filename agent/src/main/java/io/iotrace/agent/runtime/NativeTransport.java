package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the advice in native transports (Netty's epoll transport, shaded or not) calls: their calls are recorded as
 * the JDK's channel calls are, on a resource that stands for the descriptor number the transport hands to the kernel.
 * Their sockets are always non-blocking (created and accepted with {@code SOCK_NONBLOCK}): a call that moves nothing
 * would have blocked.
 */
public final class NativeTransport {
    /** The description of a native epoll transport's wait; the analyzers read the mechanism and transport from it. */
    public static final String EPOLL = "native epoll transport";
    /** The description of an io_uring transport's wait for completions; read by the analyzers like {@link #EPOLL}. */
    public static final String IO_URING = "io_uring transport";
    /** The outcome of an io_uring operation that completed with an error (the kernel returned -errno). */
    private static final Throwable FAILED = new java.io.IOException("io_uring operation failed");
    /** {@code IORING_CQE_F_MORE}: more completions of the same submission follow (a multishot accept or receive). */
    private static final int MORE_COMPLETIONS = 1 << 1;

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

    /**
     * Records a finished read, write or sendfile on descriptor {@code fd} of {@code socket}: a connection's, or a
     * connected datagram socket's (known as one since it was made or first sent to or received from an address).
     */
    public static void exit(ThreadRecorder t, int op, Object socket, int fd, int buffer, long moved, Throwable thrown) {
        int kind = NativeFds.kindOf(fd, Ops.SOCKET_CHANNEL) == Ops.DATAGRAM_CHANNEL ? Ops.DATAGRAM_CHANNEL
                : Ops.SOCKET_CHANNEL;
        exit(t, op, kind, socket, fd, buffer, moved, thrown);
    }

    /** Records a finished call of {@code op} on descriptor {@code fd} of {@code socket}, a resource of {@code kind}. */
    static void exit(ThreadRecorder t, int op, int kind, Object socket, int fd, int buffer, long moved,
                     Throwable thrown) {
        if (t == null) {
            return;
        }
        NativeFd resource = NativeFds.current(fd, kind, null);
        boolean firstSight = resource.adopt(socket);
        IoTrace.exit(t, op, kind, resource, false, buffer, moved, 0, thrown);
        if (firstSight) {
            redescribe(t, resource);
        }
    }

    /**
     * Records a finished {@code splice}: one end is a pipe, the other a socket (or, splicing into a file, a file).
     * Bytes a socket gives to a pipe are its transfer out, as {@code transferTo} is a file's; bytes a pipe gives to a
     * socket or file are their transfer in, as {@code transferFrom} is. Neither passes through user space.
     */
    public static void exitSplice(ThreadRecorder t, int fdIn, int fdOut, int moved, Throwable thrown) {
        if (t == null) {
            return;
        }
        // The ends the recording knows decide first: the kernel is asked only about a descriptor it has not seen.
        int in = NativeFds.kindOf(fdIn, -1);
        int out = NativeFds.kindOf(fdOut, -1);
        boolean outOfSocket = in == Ops.SOCKET_CHANNEL || in < 0 && out != Ops.SOCKET_CHANNEL && isSocket(fdIn);
        boolean intoSocket = !outOfSocket && (out == Ops.SOCKET_CHANNEL || out < 0 && isSocket(fdOut));
        int kind = outOfSocket || intoSocket ? Ops.SOCKET_CHANNEL : Ops.FILE_CHANNEL;
        int fd = outOfSocket ? fdIn : fdOut;
        IoTrace.exit(t, outOfSocket ? Ops.TRANSFER_TO : Ops.TRANSFER_FROM, kind, NativeFds.current(fd, kind, null),
                false, Ops.BUFFER_NONE, moved, 0, thrown);
    }

    /** Whether the kernel says descriptor {@code fd} is a socket. */
    private static boolean isSocket(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString()
                    .startsWith("socket:");
        } catch (Throwable e) {
            return false;
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
        NativeFd resource = NativeFds.current(numberOf(waitFd), Ops.SELECTOR, transport);
        IoTrace.exit(t, Ops.SELECT, Ops.SELECTOR, resource, blocking, Ops.BUFFER_NONE, ready, 0, thrown);
    }

    /**
     * Records an io_uring submission of Netty's transport as an asynchronous operation (like the JDK's async channels):
     * only those that read, write, accept or connect; {@code udata} pairs it with its completion. The transport's own
     * wake-up read is made inside {@link #beginOwnWork}, so it is not recorded.
     */
    public static void ioUringSubmit(byte opcode, int fd, int length, long udata) {
        int op = ioUringOperation(opcode);
        if (op < 0) {
            return;
        }
        int kind = op == Ops.ACCEPT ? Ops.ASYNC_SERVER_SOCKET_CHANNEL : Ops.ASYNC_SOCKET_CHANNEL;
        NativeFd resource = op == Ops.CONNECT ? NativeFds.fresh(fd, kind, null) : NativeFds.current(fd, kind, null);
        ThreadRecorder t = IoTrace.currentThreadRecorder();
        if (t != null && !t.busy) {
            RingOperations.ofThisThread().put(udata, op, fd);
        }
        IoTrace.point(Ops.ASYNC_SUBMIT, kind, resource, length, op, udata, null);
    }

    /**
     * Records the completion of an io_uring operation recorded at submission, on the thread that handles it. An
     * accept's result is the accepted descriptor. {@code flags} are the completion's ({@code IORING_CQE_F_*}).
     */
    public static void ioUringComplete(int result, int flags, long udata) {
        ThreadRecorder t = IoTrace.currentThreadRecorder();
        if (t == null || t.busy) {
            return;
        }
        RingOperations inFlight = RingOperations.ofThisThread();
        boolean more = (flags & MORE_COMPLETIONS) != 0;
        int op = inFlight.take(udata, more);
        if (op < 0) {
            return;
        }
        long accepted = 0;
        if (op == Ops.ACCEPT && result >= 0) {
            accepted = IoTrace.idOf(t, NativeFds.fresh(result, Ops.ASYNC_SOCKET_CHANNEL, null),
                    Ops.ASYNC_SOCKET_CHANNEL);
        }
        long moved = result < 0 ? 0 : op == Ops.ACCEPT || op == Ops.CONNECT ? 1 : result;
        IoTrace.point(Ops.ASYNC_COMPLETE, Kinds.UNKNOWN, null, accepted, moved, udata, result < 0 ? FAILED : null);
        if (more) {
            // A multishot operation stays armed: recorded as submitted again, so each completion has its submission.
            int kind = op == Ops.ACCEPT ? Ops.ASYNC_SERVER_SOCKET_CHANNEL : Ops.ASYNC_SOCKET_CHANNEL;
            IoTrace.point(Ops.ASYNC_SUBMIT, kind, NativeFds.current(inFlight.lastDescriptor, kind, null), 0, op, udata,
                    null);
        }
    }

    /** Starts work of the transport's own (its wake-up read): nothing it submits is recorded. */
    public static ThreadRecorder beginOwnWork() {
        return IoTrace.enter(0);
    }

    public static void endOwnWork(ThreadRecorder t) {
        // A call with no resource is not recorded; it only ends the thread's guard.
        IoTrace.exit(t, Ops.READ, Kinds.UNKNOWN, null, false, Ops.BUFFER_NONE, 0, 0, null);
    }

    /** Records a finished wait of an io_uring transport for completions on its ring descriptor {@code ringFd}. */
    public static void exitRingWait(ThreadRecorder t, int ringFd, boolean blocking, Throwable thrown) {
        if (t == null) {
            return;
        }
        IoTrace.exit(t, Ops.SELECT, Ops.SELECTOR, NativeFds.current(ringFd, Ops.SELECTOR, IO_URING), blocking,
                Ops.BUFFER_NONE, 0, 0, thrown);
    }

    /** The operation of an io_uring opcode (the kernel's numbers), -1 for those that move no data of a connection. */
    private static int ioUringOperation(byte opcode) {
        return switch (opcode) {
            case 1, 10, 22, 27 -> Ops.READ; // readv, recvmsg, read, recv
            case 2, 9, 23, 26, 47, 48 -> Ops.WRITE; // writev, sendmsg, write, send, send_zc, sendmsg_zc
            case 13 -> Ops.ACCEPT;
            case 16 -> Ops.CONNECT;
            default -> -1;
        };
    }

    /** The descriptor number of a transport's descriptor object (its {@code intValue()}), -1 when it has none. */
    public static int numberOf(Object descriptor) {
        try {
            MethodHandle number = NUMBER.get(descriptor.getClass());
            return number == null ? -1 : (int) number.invokeExact(descriptor);
        } catch (Throwable e) {
            return -1;
        }
    }

    private static void redescribe(ThreadRecorder t, NativeFd resource) {
        Recording r = IoTrace.recorder();
        if (r != null) {
            r.resources().redescribe(r.resources().idOf(t, resource, resource.kind), resource.kind, resource);
        }
    }
}
