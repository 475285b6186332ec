package io.iotrace.cli.classification;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Netty echo server on the NIO transport: a boss group of one event loop accepts, a child group of
 * {@code --loops N} event loops (default 2) serves the connections. The threads carry misleading names on purpose
 * (the boss is {@code blocking-worker-0}, the child loops {@code acceptor-<i>}), so a classifier that read names
 * would get every role wrong.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then
 * prints {@code STOPPED}.
 */
public final class NettyEchoMain {
    private NettyEchoMain() {
    }

    public static void main(String[] args) throws Exception {
        int loops = args.length == 2 && args[0].equals("--loops") ? Integer.parseInt(args[1]) : 2;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, named("blocking-worker-"), NioIoHandler.newFactory());
        EventLoopGroup children = new MultiThreadIoEventLoopGroup(loops, named("acceptor-"), NioIoHandler.newFactory());
        try {
            Channel listener = new ServerBootstrap().group(boss, children)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new Echo())
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            System.out.println("LISTENING " + ((InetSocketAddress) listener.localAddress()).getPort());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            listener.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
            children.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
        System.out.println("STOPPED");
        System.out.flush();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.getAndIncrement());
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
