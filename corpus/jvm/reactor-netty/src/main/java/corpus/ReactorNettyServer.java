package corpus;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty HTTP server with its default LoopResources, answering "hello". Run with -Dreactor.netty.native=false
 * for Netty's NIO transport.
 */
public final class ReactorNettyServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> response.header("content-type", "text/plain")
                        .sendString(Mono.just("hello")))
                .bindNow();
        System.out.println("listening on 127.0.0.1:" + port);
        server.onDispose().block();
    }
}
