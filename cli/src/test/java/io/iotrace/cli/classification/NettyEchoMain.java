package io.iotrace.cli.classification;

import io.iotrace.cli.testing.NettyEchoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
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
        NettyEchoServer.serve(new ServerBootstrap()
                .group(new MultiThreadIoEventLoopGroup(1, named("blocking-worker-"), NioIoHandler.newFactory()),
                        new MultiThreadIoEventLoopGroup(loops, named("acceptor-"), NioIoHandler.newFactory()))
                .channel(NioServerSocketChannel.class)
                .childHandler(new NettyEchoServer.Echo()));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.getAndIncrement());
    }
}
