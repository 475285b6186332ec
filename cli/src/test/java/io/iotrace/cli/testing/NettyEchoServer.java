package io.iotrace.cli.testing;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the tests' Netty echo servers share: serving by the fixtures' protocol (prints {@code LISTENING <port>},
 * serves until standard input ends, then prints {@code STOPPED}), and the echo handler.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {
    }

    /**
     * Binds a server (a {@link ServerBootstrap} with its groups, channel and child handler, or a datagram channel's
     * {@link io.netty.bootstrap.Bootstrap}) to a free loopback port and serves until standard input ends; then closes
     * it and shuts its groups down.
     */
    public static void serve(AbstractBootstrap<?, ?> bootstrap) throws Exception {
        List<EventLoopGroup> groups = bootstrap instanceof ServerBootstrap server
                ? List.of(server.config().group(), server.config().childGroup())
                : List.of(bootstrap.config().group());
        try {
            Channel listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync()
                    .channel();
            System.out.println("LISTENING " + ((InetSocketAddress) listener.localAddress()).getPort());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            listener.close().sync();
        } finally {
            for (EventLoopGroup group : groups) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }
        System.out.println("STOPPED");
        System.out.flush();
    }

    /** Writes back what it reads, flushing once per batch of reads; closes a connection that fails. */
    @ChannelHandler.Sharable
    public static class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
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
