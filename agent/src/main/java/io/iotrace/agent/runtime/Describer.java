package io.iotrace.agent.runtime;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a JDK I/O object into a readable description: endpoints for sockets, the path for files.
 *
 * <p>Runs once per resource (and again after connect), never on the per-call path. Private fields are read
 * through reflection, which the agent allows by opening the few java.base packages to this module.
 */
final class Describer {
    private static final Field FIS_PATH = field(FileInputStream.class, "path");
    private static final Field FOS_PATH = field(FileOutputStream.class, "path");
    private static final Field RAF_PATH = field(RandomAccessFile.class, "path");
    private static final Field SOCKET_ADDRESS = field(SocketImpl.class, "address");
    private static final Field SOCKET_PORT = field(SocketImpl.class, "port");
    private static final Field SOCKET_LOCALPORT = field(SocketImpl.class, "localport");
    private static final Field FILE_CHANNEL_PATH = field(className("sun.nio.ch.FileChannelImpl"), "path");
    /** An asynchronous file channel keeps no path, only its descriptor: Linux names the file behind it. */
    private static final Field ASYNC_FILE_CHANNEL_FD = field(className("sun.nio.ch.AsynchronousFileChannelImpl"),
            "fdObj");
    private static final Field FD_NUMBER = field(FileDescriptor.class, "fd");

    private Describer() {
    }

    static String describe(Object resource) {
        try {
            return describeOrThrow(resource);
        } catch (Throwable e) {
            return resource.getClass().getName();
        }
    }

    private static String describeOrThrow(Object r) throws Exception {
        if (r instanceof NativeFd n) {
            return n.describe();
        }
        if (r instanceof SocketImpl) {
            InetAddress remote = (InetAddress) get(SOCKET_ADDRESS, r);
            int localPort = (Integer) get(SOCKET_LOCALPORT, r);
            if (remote == null) {
                return "listening :" + localPort;
            }
            return ":" + localPort + "->" + remote.getHostAddress() + ":" + get(SOCKET_PORT, r);
        }
        if (r instanceof SocketChannel c) {
            return endpoints(c.getLocalAddress(), c.getRemoteAddress());
        }
        if (r instanceof ServerSocketChannel c) {
            return "listening " + address(c.getLocalAddress());
        }
        if (r instanceof DatagramChannel c) {
            return endpoints(c.getLocalAddress(), c.getRemoteAddress());
        }
        if (r instanceof AsynchronousSocketChannel c) {
            return endpoints(c.getLocalAddress(), c.getRemoteAddress());
        }
        if (r instanceof AsynchronousServerSocketChannel c) {
            return "listening " + address(c.getLocalAddress());
        }
        if (r instanceof FileInputStream s) {
            return path(get(FIS_PATH, s), s.getFD());
        }
        if (r instanceof FileOutputStream s) {
            return path(get(FOS_PATH, s), s.getFD());
        }
        if (r instanceof RandomAccessFile f) {
            return path(get(RAF_PATH, f), null);
        }
        if (FILE_CHANNEL_PATH != null && FILE_CHANNEL_PATH.getDeclaringClass().isInstance(r)) {
            return path(get(FILE_CHANNEL_PATH, r), null);
        }
        if (ASYNC_FILE_CHANNEL_FD != null && FD_NUMBER != null
                && ASYNC_FILE_CHANNEL_FD.getDeclaringClass().isInstance(r)) {
            return openedFile((FileDescriptor) get(ASYNC_FILE_CHANNEL_FD, r));
        }
        return r.getClass().getName();
    }

    /** The file a descriptor was opened on, as {@code /proc/self/fd} links it (Linux only, like the agent). */
    private static String openedFile(FileDescriptor fd) throws Exception {
        int number = (Integer) get(FD_NUMBER, fd);
        return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(number))).toString();
    }

    static String endpoints(SocketAddress local, SocketAddress remote) {
        if (remote == null) {
            return local == null ? "unconnected" : "unconnected " + address(local);
        }
        return address(local) + "->" + address(remote);
    }

    static String address(SocketAddress a) {
        if (a == null) {
            return "?";
        }
        String s = a.toString();
        int slash = s.indexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    private static String path(Object path, FileDescriptor fd) {
        if (path != null) {
            return path.toString();
        }
        if (fd == FileDescriptor.in) {
            return "<stdin>";
        }
        if (fd == FileDescriptor.out) {
            return "<stdout>";
        }
        if (fd == FileDescriptor.err) {
            return "<stderr>";
        }
        return "<pipe or descriptor>";
    }

    private static Object get(Field f, Object target) throws IllegalAccessException {
        return f == null ? null : f.get(target);
    }

    private static Class<?> className(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (Throwable e) {
            // Not opened to us, or renamed in this JDK: descriptions fall back to the class name.
            return null;
        }
    }
}
