package io.iotrace.cli.lint;

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
import java.util.concurrent.TimeUnit;

/**
 * A Netty NIO echo server with Netty's own thread names; with {@code --sleep} its handler sleeps 2 ms in
 * {@code channelRead}, the mistake lint must find, and nothing else.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then
 * prints {@code STOPPED}.
 */
public final class NettyLintMain {
    private NettyLintMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean sleep = args.length == 1 && args[0].equals("--sleep");
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup children = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel listener = new ServerBootstrap().group(boss, children)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new Echo(sleep))
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

    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        private final boolean sleep;

        Echo(boolean sleep) {
            this.sleep = sleep;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws InterruptedException {
            if (sleep) {
                Thread.sleep(2);
            }
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
