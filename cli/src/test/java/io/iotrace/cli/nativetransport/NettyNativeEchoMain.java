package io.iotrace.cli.nativetransport;

import io.iotrace.cli.testing.NettyEchoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(new MultiThreadIoEventLoopGroup(1, handlers), new MultiThreadIoEventLoopGroup(loops, handlers))
                .channel(channel).childHandler(splice ? new SpliceToItself() : new NettyEchoServer.Echo());
        if (splice) {
            bootstrap.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        NettyEchoServer.serve(bootstrap);
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
}
