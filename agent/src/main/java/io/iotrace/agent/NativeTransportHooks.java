package io.iotrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.iotrace.agent.advice.EpollBusyWaitAdvice;
import io.iotrace.agent.advice.EpollImmediateWaitAdvice;
import io.iotrace.agent.advice.EpollPackedTimerWaitAdvice;
import io.iotrace.agent.advice.EpollTimerWaitAdvice;
import io.iotrace.agent.advice.EpollWaitAdvice;
import io.iotrace.agent.advice.IoUringCompleteAdvice;
import io.iotrace.agent.advice.IoUringOwnWorkAdvice;
import io.iotrace.agent.advice.IoUringSubmitAdvice;
import io.iotrace.agent.advice.IoUringWaitAdvice;
import io.iotrace.agent.advice.NativeAcceptAdvice;
import io.iotrace.agent.advice.NativeAddressGatherWriteAdvice;
import io.iotrace.agent.advice.NativeAddressReadAdvice;
import io.iotrace.agent.advice.NativeAddressWriteAdvice;
import io.iotrace.agent.advice.NativeBufferReadAdvice;
import io.iotrace.agent.advice.NativeBufferWriteAdvice;
import io.iotrace.agent.advice.NativeConnectAdvice;
import io.iotrace.agent.advice.NativeDatagramAddressReceiveAdvice;
import io.iotrace.agent.advice.NativeDatagramAddressSendAdvice;
import io.iotrace.agent.advice.NativeDatagramBufferReceiveAdvice;
import io.iotrace.agent.advice.NativeDatagramBufferSendAdvice;
import io.iotrace.agent.advice.NativeDatagramGatherSendAdvice;
import io.iotrace.agent.advice.NativeDatagramSocketAdvice;
import io.iotrace.agent.advice.NativeFinishConnectAdvice;
import io.iotrace.agent.advice.NativeGatherWriteAdvice;
import io.iotrace.agent.advice.NativeRecvmmsgAdvice;
import io.iotrace.agent.advice.NativeRecvmsgAdvice;
import io.iotrace.agent.advice.NativeSendFileAdvice;
import io.iotrace.agent.advice.NativeSendmmsgAdvice;
import io.iotrace.agent.advice.NativeSpliceAdvice;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The table of what is instrumented in Netty's native transports: the Java methods through which they make their
 * system calls (each wraps a private static native method that takes the descriptor number).
 *
 * <p>Classes are found by the end of their name, package included, and methods by signature: applications that shade
 * Netty ({@code io.grpc.netty.shaded.io.netty.channel.unix.Socket}) keep both. The Java wrappers are instrumented
 * rather than the natives themselves: a native method prefix would add methods, which retransforming a loaded class
 * (attach) cannot do, and every system call of these transports has a Java wrapper of its own. Checked with javap
 * on Netty 4.2.17 and 4.2.18 and the Netty shaded into grpc-netty-shaded 1.85.1.
 */
final class NativeTransportHooks {

    /** One advice applied to the methods of the classes whose name ends with {@code nameSuffix}. */
    record Hook(String nameSuffix, ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
    }

    private NativeTransportHooks() {
    }

    static List<Hook> hooks() {
        ElementMatcher.Junction<MethodDescription> instance = not(isStatic()).and(not(isNative()));
        ElementMatcher.Junction<MethodDescription> wrapper = isStatic().and(not(isNative()));
        ElementMatcher.Junction<MethodDescription> bufferRange = takesArguments(ByteBuffer.class, int.class, int.class);
        ElementMatcher.Junction<MethodDescription> addressRange = takesArguments(long.class, int.class, int.class);
        // The descriptor of any kind: its reads and writes (4.1's socket channels use these for sockets too).
        String descriptor = "channel.unix.FileDescriptor";
        // A socket: recv/send are 4.2's socket reads and writes, accept and connect.
        String socket = "channel.unix.Socket";
        String epoll = "channel.epoll.Native";
        // The epoll transport's socket: sendfile and its datagram calls.
        String linuxSocket = "channel.epoll.LinuxSocket";
        String ring = "channel.uring.SubmissionQueue";
        return List.of(
                new Hook(descriptor, instance.and(named("read")).and(bufferRange), NativeBufferReadAdvice.class),
                new Hook(descriptor, instance.and(named("readAddress")).and(addressRange),
                        NativeAddressReadAdvice.class),
                new Hook(descriptor, instance.and(named("write")).and(bufferRange), NativeBufferWriteAdvice.class),
                new Hook(descriptor, instance.and(named("writeAddress")).and(addressRange),
                        NativeAddressWriteAdvice.class),
                new Hook(descriptor, instance.and(named("writev"))
                        .and(takesArguments(ByteBuffer[].class, int.class, int.class, long.class)),
                        NativeGatherWriteAdvice.class),
                new Hook(descriptor, instance.and(named("writevAddresses")).and(takesArguments(long.class, int.class)),
                        NativeAddressGatherWriteAdvice.class),
                new Hook(socket, instance.and(named("recv")).and(bufferRange), NativeBufferReadAdvice.class),
                new Hook(socket, instance.and(named("recvAddress")).and(addressRange), NativeAddressReadAdvice.class),
                new Hook(socket, instance.and(named("send")).and(bufferRange), NativeBufferWriteAdvice.class),
                new Hook(socket, instance.and(named("sendAddress")).and(addressRange), NativeAddressWriteAdvice.class),
                new Hook(socket, instance.and(named("accept")).and(takesArguments(byte[].class)),
                        NativeAcceptAdvice.class),
                new Hook(socket, instance.and(named("connect")).and(takesArguments(SocketAddress.class)),
                        NativeConnectAdvice.class),
                new Hook(socket, instance.and(named("finishConnect")).and(takesArguments(0)),
                        NativeFinishConnectAdvice.class),
                // sendfile(2) from a DefaultFileRegion's file: (region, base, offset, length).
                new Hook(linuxSocket, instance.and(named("sendFile")).and(takesArguments(4)),
                        NativeSendFileAdvice.class),
                // splice(2) between a socket and a pipe, zero-copy (EpollSocketChannel.spliceTo).
                new Hook(epoll, wrapper.and(named("splice")).and(takesArguments(int.class, long.class, int.class,
                        long.class, long.class)), NativeSpliceAdvice.class),
                // Datagrams to and from an address: sendto and recvfrom (also the stream's TCP fast open sendto), and
                // the epoll transport's recvmsg, recvmmsg and sendmmsg of its packet arrays.
                new Hook(socket, instance.and(named("sendTo")).and(takesArguments(6))
                        .and(takesArgument(0, ByteBuffer.class)), NativeDatagramBufferSendAdvice.class),
                new Hook(socket, instance.and(named("sendToAddress")).and(takesArguments(6))
                        .and(takesArgument(0, long.class)), NativeDatagramAddressSendAdvice.class),
                new Hook(socket, instance.and(named("sendToAddresses")).and(takesArguments(5))
                        .and(takesArgument(0, long.class)), NativeDatagramGatherSendAdvice.class),
                new Hook(socket, instance.and(named("recvFrom")).and(bufferRange),
                        NativeDatagramBufferReceiveAdvice.class),
                new Hook(socket, instance.and(named("recvFromAddress")).and(addressRange),
                        NativeDatagramAddressReceiveAdvice.class),
                new Hook(linuxSocket, instance.and(named("recvmsg")).and(takesArguments(1)),
                        NativeRecvmsgAdvice.class),
                new Hook(linuxSocket, instance.and(named("recvmmsg")).and(takesArguments(3)),
                        NativeRecvmmsgAdvice.class),
                new Hook(linuxSocket, instance.and(named("sendmmsg")).and(takesArguments(3)),
                        NativeSendmmsgAdvice.class),
                new Hook(linuxSocket, wrapper.and(named("newSocketDgram")).and(not(returns(void.class))),
                        NativeDatagramSocketAdvice.class),
                // The waits on the epoll descriptor; the one with a timer descriptor may call the one with a timeout.
                new Hook(epoll, wrapper.and(named("epollWait")).and(takesArguments(5)).and(returns(int.class)),
                        EpollTimerWaitAdvice.class),
                new Hook(epoll, wrapper.and(named("epollWait")).and(takesArguments(6)).and(returns(long.class)),
                        EpollPackedTimerWaitAdvice.class),
                new Hook(epoll, wrapper.and(named("epollWait")).and(takesArguments(3))
                        .and(takesArgument(2, int.class)), EpollWaitAdvice.class),
                new Hook(epoll, wrapper.and(named("epollWait")).and(takesArguments(3))
                        .and(takesArgument(2, boolean.class)), EpollImmediateWaitAdvice.class),
                new Hook(epoll, wrapper.and(named("epollBusyWait")).and(takesArguments(2)),
                        EpollBusyWaitAdvice.class),
                // Netty 4.2's io_uring transport: operations are put in the ring in Java, the kernel carries them out
                // after io_uring_enter, and the completions are read from the ring in Java: submission and completion,
                // as for the JDK's asynchronous channels, and the enter that waits as the loop's wait.
                new Hook(ring, instance.and(named("enqueueSqe")).and(takesArguments(13)), IoUringSubmitAdvice.class),
                new Hook(ring, instance.and(named("addEventFdRead")), IoUringOwnWorkAdvice.class),
                new Hook(ring, instance.and(named("submitAndGet").or(named("submitAndGetNow")))
                        .and(takesArguments(0)), IoUringWaitAdvice.class),
                new Hook("channel.uring.IoUringIoHandler", instance.and(named("handle"))
                        .and(takesArguments(int.class, int.class, long.class, ByteBuffer.class)),
                        IoUringCompleteAdvice.class));
    }
}
