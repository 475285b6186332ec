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
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
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
 * JNI. With {@code --splice} (epoll only) each connection is spliced to itself: its bytes go back through a pipe with
 * {@code splice}, never through user space. Fails at once, saying why, when the transport cannot run here.
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
        boolean splice = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--transport" -> transport = args[++i];
                case "--loops" -> loops = Integer.parseInt(args[++i]);
                case "--splice" -> splice = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean epoll = transport.equals("epoll");
        if (splice && !epoll) {
            throw new IllegalArgumentException("--splice needs --transport epoll");
        }
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
            ServerBootstrap bootstrap = new ServerBootstrap().group(boss, children).channel(channel)
                    .childHandler(splice ? new SpliceToItself() : new Echo());
            if (splice) {
                bootstrap.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
            }
            Channel listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync()
                    .channel();
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

    /** Splices each connection to itself: what comes in goes back out through a pipe, inside the kernel. */
    @ChannelHandler.Sharable
    private static final class SpliceToItself extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            EpollSocketChannel connection = (EpollSocketChannel) ctx.channel();
            connection.spliceTo(connection, Integer.MAX_VALUE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
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
