package io.iotrace.agent.runtime;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the recording names as the resource of a native transport's call: one open descriptor of one connection,
 * listening socket or readiness wait. Native transports hand the kernel a number, so this stands for the number for
 * as long as it means the same thing (see {@link NativeFds}).
 */
final class NativeFd {
    final int fd;
    final int kind;
    /** For a readiness wait, the transport ("native epoll transport"); else null. */
    private final String transport;
    /** The transport's own socket object, once seen, to ask for its addresses; held weakly like every resource. */
    private volatile WeakReference<Object> owner;

    NativeFd(int fd, int kind, String transport) {
        this.fd = fd;
        this.kind = kind;
        this.transport = transport;
    }

    /** Remembers the transport's socket object; true the first time, when the description gains its addresses. */
    boolean adopt(Object socket) {
        if (owner != null || socket == null) {
            return false;
        }
        owner = new WeakReference<>(socket);
        return true;
    }

    /** Runs once per resource (and once more when its socket object is first seen), never per call. */
    String describe() {
        if (transport != null) {
            return transport;
        }
        WeakReference<Object> ref = owner;
        Object socket = ref == null ? null : ref.get();
        if (socket != null) {
            try {
                SocketAddress local = (SocketAddress) call(socket, "localAddress");
                SocketAddress remote = (SocketAddress) call(socket, "remoteAddress");
                if (kind == Ops.SERVER_SOCKET_CHANNEL) {
                    return "listening " + Describer.address(local);
                }
                return Describer.endpoints(local, remote);
            } catch (Throwable e) {
                // A socket that is closed by now or has no such methods: the descriptor says what it is.
            }
        }
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))) + " (fd " + fd + ")";
        } catch (Throwable e) {
            return "fd " + fd;
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}
