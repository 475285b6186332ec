package io.iotrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.iotrace.agent.advice.AsyncAcceptAdvice;
import io.iotrace.agent.advice.AsyncConnectAdvice;
import io.iotrace.agent.advice.AsyncFileReadAdvice;
import io.iotrace.agent.advice.AsyncFileWriteAdvice;
import io.iotrace.agent.advice.AsyncFutureCompletionAdvice;
import io.iotrace.agent.advice.AsyncHandlerCompletionAdvice;
import io.iotrace.agent.advice.AsyncSocketReadAdvice;
import io.iotrace.agent.advice.AsyncSocketWriteAdvice;
import io.iotrace.agent.advice.ChannelAcceptAdvice;
import io.iotrace.agent.advice.ChannelConnectAdvice;
import io.iotrace.agent.advice.ChannelFinishConnectAdvice;
import io.iotrace.agent.advice.ChannelGatherWriteAdvice;
import io.iotrace.agent.advice.ChannelReadAdvice;
import io.iotrace.agent.advice.ChannelScatterReadAdvice;
import io.iotrace.agent.advice.ChannelWriteAdvice;
import io.iotrace.agent.advice.CharsWriteAdvice;
import io.iotrace.agent.advice.DatagramConnectAdvice;
import io.iotrace.agent.advice.DatagramPacketReceiveAdvice;
import io.iotrace.agent.advice.DatagramPacketSendAdvice;
import io.iotrace.agent.advice.DatagramReceiveAdvice;
import io.iotrace.agent.advice.DatagramSendAdvice;
import io.iotrace.agent.advice.HostLookupAdvice;
import io.iotrace.agent.advice.MapAdvice;
import io.iotrace.agent.advice.ProcessStartAdvice;
import io.iotrace.agent.advice.SelectAdvice;
import io.iotrace.agent.advice.SocketAcceptAdvice;
import io.iotrace.agent.advice.SocketConnectAdvice;
import io.iotrace.agent.advice.SocketStreamReadAdvice;
import io.iotrace.agent.advice.SocketStreamWriteAdvice;
import io.iotrace.agent.advice.StreamReadArrayAdvice;
import io.iotrace.agent.advice.StreamReadByteAdvice;
import io.iotrace.agent.advice.StreamReadRangeAdvice;
import io.iotrace.agent.advice.StreamWriteArrayAdvice;
import io.iotrace.agent.advice.StreamWriteByteAdvice;
import io.iotrace.agent.advice.StreamWriteRangeAdvice;
import io.iotrace.agent.advice.StringWriteAdvice;
import io.iotrace.agent.advice.ThreadYieldAdvice;
import io.iotrace.agent.advice.TransferFromAdvice;
import io.iotrace.agent.advice.TransferToAdvice;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The table of what is instrumented: which JDK class, which method, which advice.
 *
 * <p>Only Java methods that wrap native calls are touched, never native methods (that would need a prefix,
 * which adds methods), so that attaching to a running JVM needs no JVM flag. Every method below has the
 * same signature on JDK 17 and JDK 25 (checked with javap), except where its comment says otherwise; where a
 * public method calls another one listed here, the thread's guard records only the outer call.
 *
 * <p>Attaching installs the classes in the order the table first names them, so the socket classes, where a
 * busy server spends its I/O, come first: their calls are recorded while the rest is still being installed.
 */
final class Instrumentations {

    /** One advice applied to the methods of one class that {@code methods} selects. */
    record Hook(String className, ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
    }

    private Instrumentations() {
    }

    static List<Hook> hooks() {
        ElementMatcher.Junction<MethodDescription> byteRange = takesArguments(byte[].class, int.class, int.class);
        ElementMatcher.Junction<MethodDescription> buffer = takesArguments(ByteBuffer.class)
                .or(takesArguments(ByteBuffer.class, long.class));
        ElementMatcher.Junction<MethodDescription> buffers = takesArguments(ByteBuffer[].class, int.class, int.class);
        String nioSocket = "sun.nio.ch.NioSocketImpl";
        String socketChannel = "sun.nio.ch.SocketChannelImpl";
        String datagramChannel = "sun.nio.ch.DatagramChannelImpl";
        String fileChannel = "sun.nio.ch.FileChannelImpl";
        String asyncSocket = "sun.nio.ch.UnixAsynchronousSocketChannelImpl";
        String asyncFile = "sun.nio.ch.SimpleAsynchronousFileChannelImpl";
        List<Hook> hooks = new ArrayList<>(List.of(
                // Socket and ServerSocket: since JDK 13 (JEP 353) their streams, accept and connect are here.
                new Hook(nioSocket, named("read").and(byteRange), SocketStreamReadAdvice.class),
                new Hook(nioSocket, named("write").and(byteRange), SocketStreamWriteAdvice.class),
                new Hook(nioSocket, named("accept").and(takesArguments(1)), SocketAcceptAdvice.class),
                new Hook(nioSocket, named("connect").and(takesArguments(2))
                        .and(takesArgument(0, java.net.SocketAddress.class)), SocketConnectAdvice.class),
                // Socket and datagram channels, blocking or not.
                new Hook(socketChannel, named("read").and(buffer), ChannelReadAdvice.class),
                new Hook(socketChannel, named("write").and(buffer), ChannelWriteAdvice.class),
                new Hook(socketChannel, named("read").and(buffers), ChannelScatterReadAdvice.class),
                new Hook(socketChannel, named("write").and(buffers), ChannelGatherWriteAdvice.class),
                new Hook(socketChannel, named("connect").and(takesArguments(1)), ChannelConnectAdvice.class),
                new Hook(socketChannel, named("finishConnect"), ChannelFinishConnectAdvice.class),
                new Hook("sun.nio.ch.ServerSocketChannelImpl", named("accept").and(takesArguments(0)),
                        ChannelAcceptAdvice.class),
                new Hook(datagramChannel, named("read").and(buffer), ChannelReadAdvice.class),
                new Hook(datagramChannel, named("write").and(buffer), ChannelWriteAdvice.class),
                new Hook(datagramChannel, named("read").and(buffers), ChannelScatterReadAdvice.class),
                new Hook(datagramChannel, named("write").and(buffers), ChannelGatherWriteAdvice.class),
                new Hook(datagramChannel, named("receive").and(takesArguments(ByteBuffer.class)),
                        DatagramReceiveAdvice.class),
                new Hook(datagramChannel, named("send").and(takesArguments(2)), DatagramSendAdvice.class),
                new Hook(datagramChannel, named("connect").and(takesArguments(2)), DatagramConnectAdvice.class),
                // DatagramSocket's blocking calls, past the public ones: (ByteBuffer, long) on JDK 17, the packet's
                // own on JDK 21+; JDK 17's blockingSend calls the public send.
                new Hook(datagramChannel, named("blockingReceive").and(takesArgument(0, ByteBuffer.class)),
                        DatagramReceiveAdvice.class),
                new Hook(datagramChannel, named("blockingReceive").and(takesArgument(0, java.net.DatagramPacket.class)),
                        DatagramPacketReceiveAdvice.class),
                new Hook(datagramChannel, named("blockingSend").and(takesArguments(java.net.DatagramPacket.class)),
                        DatagramPacketSendAdvice.class),
                // Every select, select(timeout) and selectNow of every JDK selector goes through here.
                new Hook("sun.nio.ch.SelectorImpl", named("lockAndDoSelect"), SelectAdvice.class),
                // File streams: the public methods wrap the natives readBytes/writeBytes.
                new Hook("java.io.FileInputStream", named("read").and(takesArguments(0)), StreamReadByteAdvice.class),
                new Hook("java.io.FileInputStream", named("read").and(takesArguments(byte[].class)),
                        StreamReadArrayAdvice.class),
                new Hook("java.io.FileInputStream", named("read").and(byteRange), StreamReadRangeAdvice.class),
                new Hook("java.io.FileOutputStream", named("write").and(takesArguments(int.class)),
                        StreamWriteByteAdvice.class),
                new Hook("java.io.FileOutputStream", named("write").and(takesArguments(byte[].class)),
                        StreamWriteArrayAdvice.class),
                new Hook("java.io.FileOutputStream", named("write").and(byteRange), StreamWriteRangeAdvice.class),
                new Hook("java.io.RandomAccessFile", named("read").and(takesArguments(0)), StreamReadByteAdvice.class),
                new Hook("java.io.RandomAccessFile", named("read").and(takesArguments(byte[].class)),
                        StreamReadArrayAdvice.class),
                new Hook("java.io.RandomAccessFile", named("read").and(byteRange), StreamReadRangeAdvice.class),
                new Hook("java.io.RandomAccessFile", named("write").and(takesArguments(int.class)),
                        StreamWriteByteAdvice.class),
                new Hook("java.io.RandomAccessFile", named("write").and(takesArguments(byte[].class)),
                        StreamWriteArrayAdvice.class),
                new Hook("java.io.RandomAccessFile", named("write").and(byteRange), StreamWriteRangeAdvice.class),
                new Hook("java.io.RandomAccessFile", named("writeBytes").and(takesArguments(String.class)),
                        StringWriteAdvice.class),
                new Hook("java.io.RandomAccessFile", named("writeChars").and(takesArguments(String.class)),
                        CharsWriteAdvice.class),
                // FileChannel, which Files.* and the channel streams use underneath.
                new Hook(fileChannel, named("read").and(buffer), ChannelReadAdvice.class),
                new Hook(fileChannel, named("write").and(buffer), ChannelWriteAdvice.class),
                new Hook(fileChannel, named("read").and(buffers), ChannelScatterReadAdvice.class),
                new Hook(fileChannel, named("write").and(buffers), ChannelGatherWriteAdvice.class),
                new Hook(fileChannel, named("transferTo"), TransferToAdvice.class),
                new Hook(fileChannel, named("transferFrom"), TransferFromAdvice.class),
                new Hook(fileChannel, named("map").and(takesArguments(3)), MapAdvice.class),
                // Host name lookups past the address cache: (String, InetAddress) on JDK 17, (String) on JDK 25
                // (the resolver SPI of JDK 18 changed the rest); the host is the first argument on both.
                new Hook("java.net.InetAddress", named("getAddressesFromNameService").and(isStatic()),
                        HostLookupAdvice.class),
                // Asynchronous channels: submission, then completion on whichever thread the JDK chooses.
                new Hook(asyncSocket, named("implRead"), AsyncSocketReadAdvice.class),
                new Hook(asyncSocket, named("implWrite"), AsyncSocketWriteAdvice.class),
                new Hook(asyncSocket, named("implConnect"), AsyncConnectAdvice.class),
                new Hook("sun.nio.ch.UnixAsynchronousServerSocketChannelImpl", named("implAccept"),
                        AsyncAcceptAdvice.class),
                new Hook(asyncFile, named("implRead"), AsyncFileReadAdvice.class),
                new Hook(asyncFile, named("implWrite"), AsyncFileWriteAdvice.class),
                new Hook("sun.nio.ch.Invoker", named("invokeUnchecked").and(isStatic()).and(takesArguments(4)),
                        AsyncHandlerCompletionAdvice.class),
                new Hook("sun.nio.ch.PendingFuture", named("setResult").and(takesArguments(1))
                        .or(named("setFailure")).and(not(isStatic())), AsyncFutureCompletionAdvice.class),
                // Calls that block without I/O on a resource, recorded for the blocking probe only. Every process
                // start goes through the private start(Redirect[]), on JDK 17 and 25.
                new Hook("java.lang.ProcessBuilder", named("start").and(takesArguments(1)), ProcessStartAdvice.class)));
        // Thread.yield is native up to JDK 18: wrapping it would add a method, which needs a JVM flag
        // (-XX:+AllowRedefinitionToAddDeleteMethods). Since virtual threads (JDK 19) it is Java code that calls the
        // native yield0; the matcher leaves a native yield alone whatever the version says.
        if (Runtime.version().feature() >= 19) {
            hooks.add(new Hook("java.lang.Thread", named("yield").and(isStatic()).and(takesArguments(0))
                    .and(not(isNative())), ThreadYieldAdvice.class));
        }
        return List.copyOf(hooks);
    }
}
