package io.iotrace.cli.nativetransport;

import io.iotrace.cli.testing.NettyEchoServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * A UDP echo server on Netty's native epoll transport, one loop: each datagram goes back to its sender.
 * {@code --batched SIZE}: datagrams are at most SIZE bytes, so the loop receives several per system call
 * ({@code recvmmsg}), and each goes back as two datagrams, its halves, so every flush sends several ({@code sendmmsg});
 * without it the loop receives one per call ({@code recvmsg}) and sends each back whole.
 *
 * <p>Prints {@code LISTENING <port>}, serves until standard input ends, then prints {@code STOPPED}.
 */
public final class NettyNativeDatagramEchoMain {
    private NettyNativeDatagramEchoMain() {
    }

    public static void main(String[] args) throws Exception {
        int batched = args.length == 2 && args[0].equals("--batched") ? Integer.parseInt(args[1]) : 0;
        if (Epoll.unavailabilityCause() != null) {
            System.err.println("UNAVAILABLE epoll: " + Epoll.unavailabilityCause());
            System.exit(3);
        }
        Bootstrap bootstrap = new Bootstrap().group(new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory()))
                .channel(EpollDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .handler(new Echo(batched > 0));
        if (batched > 0) {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, batched);
        }
        NettyEchoServer.serve(bootstrap);
    }

    /** Sends each datagram back to its sender, whole or in halves; flushes once per batch of reads. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        private final boolean halves;

        Echo(boolean halves) {
            this.halves = halves;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket packet = (DatagramPacket) msg;
            ByteBuf content = packet.content();
            if (halves) {
                int half = content.readableBytes() / 2;
                ctx.write(new DatagramPacket(content.readRetainedSlice(half), packet.sender()));
                ctx.write(new DatagramPacket(content.readRetainedSlice(content.readableBytes()), packet.sender()));
                packet.release();
            } else {
                ctx.write(new DatagramPacket(content, packet.sender()));
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
