package io.iotrace.cli.nativetransport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A Netty echo server on one of Netty's native transports ({@code --transport epoll} or {@code io_uring}): a boss
 * loop accepts, {@code --loops N} child loops (default 2) serve the connections; their socket I/O is made in C through
 * JNI. Fails at once, saying why, when the transport cannot run here.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then prints
 * {@code STOPPED}.
 */
public final class NettyNativeEchoMain {
    private NettyNativeEchoMain() {
    }

    public static void main(String[] args) throws Exception {
        String transport = "epoll";
        int loops = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--transport" -> transport = args[i + 1];
                case "--loops" -> loops = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean epoll = transport.equals("epoll");
        Throwable unavailable = epoll ? Epoll.unavailabilityCause() : IoUring.unavailabilityCause();
        if (unavailable != null) {
            System.err.println("UNAVAILABLE " + transport + ": " + unavailable);
            System.exit(3);
        }
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : IoUringIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class
                : IoUringServerSocketChannel.class;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, handlers);
        EventLoopGroup children = new MultiThreadIoEventLoopGroup(loops, handlers);
        try {
            Channel listener = new ServerBootstrap().group(boss, children).channel(channel)
                    .childHandler(new Echo())
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            System.out.println("LISTENING " + ((InetSocketAddress) listener.localAddress()).getPort());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            listener.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            children.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        System.out.println("STOPPED");
        System.out.flush();
    }

    /** Writes back what it reads, flushing once per batch of reads. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
