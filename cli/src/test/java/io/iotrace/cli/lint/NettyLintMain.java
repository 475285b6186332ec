package io.iotrace.cli.lint;

import io.iotrace.cli.testing.NettyEchoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

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
        NettyEchoServer.serve(new ServerBootstrap()
                .group(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()),
                        new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory()))
                .channel(NioServerSocketChannel.class)
                .childHandler(sleep ? new Echo() : new NettyEchoServer.Echo()));
    }

    /** The echo, after a sleep on the loop in each read. */
    private static final class Echo extends NettyEchoServer.Echo {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            Thread.sleep(2);
            super.channelRead(ctx, msg);
        }
    }
}
