package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * What the advice on Netty's native datagram calls (epoll transport, shaded or not) calls: a datagram sent to or
 * received from an address is a {@code send} or {@code receive} on a datagram channel, as the JDK's
 * {@code DatagramChannel.send/receive} are; the descriptor is known as a datagram socket from then on (or from when
 * the transport made it), so that a connected one's reads and writes are a datagram channel's too.
 *
 * <p>{@code recvmmsg} and {@code sendmmsg} move several datagrams in one system call; each is recorded as one call
 * that moved all their bytes. What a packet received is in its {@code count} field, where the transport's C code puts
 * the kernel's {@code msg_len}; what was sent, the kernel does not hand back per packet, so it is the length of the
 * packets' {@code iovec}s that the call handed the kernel, for the datagrams it says it sent.
 */
public final class NativeDatagrams {
    /** A packet's private field, by its class (one class per shading of Netty). */
    private static final class PacketField extends ClassValue<Field> {
        private final String name;

        PacketField(String name) {
            this.name = name;
        }

        @Override
        protected Field computeValue(Class<?> type) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    private static final PacketField COUNT = new PacketField("count");
    private static final PacketField IOVECS = new PacketField("memoryAddress");
    /** The bytes a received datagram's address object says were received: its public {@code receivedAmount()}. */
    private static final ClassValue<MethodHandle> RECEIVED = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "receivedAmount",
                        MethodType.methodType(int.class)).asType(MethodType.methodType(int.class, Object.class));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    };
    /** {@code Unsafe.getLong(address)}, to read the lengths of a packet's {@code iovec}s; null when not there. */
    private static final MethodHandle NATIVE_LONG = nativeLongReader();
    private static final int IOVEC_BYTES = 16;
    private static final int IOVEC_LENGTH_OFFSET = 8;

    private NativeDatagrams() {
    }

    /**
     * Records a datagram sent to an address ({@code sendto}); with TCP fast open the transport sends a stream's first
     * bytes with the same call, a write on a connection.
     */
    public static void exitSend(ThreadRecorder t, Object socket, int fd, int buffer, long moved, boolean fastOpen,
                                Throwable thrown) {
        if (fastOpen) {
            NativeTransport.exit(t, Ops.WRITE, Ops.SOCKET_CHANNEL, socket, fd, buffer, moved, thrown);
        } else {
            exit(t, Ops.SEND, socket, fd, buffer, moved, thrown);
        }
    }

    /** Records a datagram call ({@link Ops#SEND} or {@link Ops#RECEIVE}) on descriptor {@code fd} of {@code socket}. */
    public static void exit(ThreadRecorder t, int op, Object socket, int fd, int buffer, long moved, Throwable thrown) {
        NativeTransport.exit(t, op, Ops.DATAGRAM_CHANNEL, socket, fd, buffer, moved, thrown);
    }

    /** A datagram socket the transport just made: its reads and writes, once connected, are a datagram channel's. */
    public static void made(Object socket) {
        if (socket != null && IoTrace.recorder() != null) {
            NativeFds.fresh(NativeTransport.numberOf(socket), Ops.DATAGRAM_CHANNEL, null).adopt(socket);
        }
    }

    /** Bytes a {@code recvfrom} received, from the address object it returned (null when nothing was there). */
    public static long received(Object address) {
        if (address == null) {
            return 0;
        }
        try {
            MethodHandle amount = RECEIVED.get(address.getClass());
            return amount == null ? 0 : (int) amount.invokeExact(address);
        } catch (Throwable e) {
            return 0;
        }
    }

    /** Bytes {@code recvmmsg} put in the first {@code datagrams} packets from {@code offset}. */
    public static long receivedInto(Object[] packets, int offset, int datagrams) {
        long bytes = 0;
        try {
            for (int i = offset; i < offset + datagrams && i < packets.length; i++) {
                Field count = COUNT.get(packets[i].getClass());
                if (count == null) {
                    return 0;
                }
                bytes += count.getInt(packets[i]);
            }
        } catch (Throwable e) {
            return 0;
        }
        return bytes;
    }

    /** Bytes of the first {@code datagrams} packets from {@code offset} that {@code sendmmsg} sent. */
    public static long sentFrom(Object[] packets, int offset, int datagrams) {
        if (NATIVE_LONG == null) {
            return 0;
        }
        long bytes = 0;
        try {
            for (int i = offset; i < offset + datagrams && i < packets.length; i++) {
                Field iovecs = IOVECS.get(packets[i].getClass());
                Field count = COUNT.get(packets[i].getClass());
                if (iovecs == null || count == null) {
                    return 0;
                }
                long address = iovecs.getLong(packets[i]);
                int n = count.getInt(packets[i]);
                for (int v = 0; v < n; v++) {
                    bytes += (long) NATIVE_LONG.invokeExact(address + (long) v * IOVEC_BYTES + IOVEC_LENGTH_OFFSET);
                }
            }
        } catch (Throwable e) {
            return 0;
        }
        return bytes;
    }

    private static MethodHandle nativeLongReader() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            if ((int) unsafeClass.getMethod("addressSize").invoke(unsafe) != 8) {
                return null; // An iovec is laid out as above on 64-bit Linux only.
            }
            return MethodHandles.lookup().findVirtual(unsafeClass, "getLong",
                    MethodType.methodType(long.class, long.class)).bindTo(unsafe);
        } catch (Throwable e) {
            return null;
        }
    }
}
