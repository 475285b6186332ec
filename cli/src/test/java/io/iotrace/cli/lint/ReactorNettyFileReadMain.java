package io.iotrace.cli.lint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A Reactor Netty HTTP server with its default loop resources (the native epoll transport on Linux x86_64). With
 * {@code --read-file} its handler reads a file with {@code Files.readAllBytes} on the event loop for every request;
 * without, it answers from memory.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then
 * prints {@code STOPPED}.
 */
public final class ReactorNettyFileReadMain {
    private static Path page;

    private ReactorNettyFileReadMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean readFile = args.length == 1 && args[0].equals("--read-file");
        page = Files.writeString(Files.createTempFile("iotrace-page", ".html"), "<p>served from a file</p>\n");
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(readFile ? ReactorNettyFileReadMain::servePage : ReactorNettyFileReadMain::serveHello)
                .bindNow();
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.disposeNow();
        Files.delete(page);
        System.out.println("STOPPED");
        System.out.flush();
    }

    static Publisher<Void> servePage(HttpServerRequest request, HttpServerResponse response) {
        try {
            return response.sendByteArray(Mono.just(Files.readAllBytes(page)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Publisher<Void> serveHello(HttpServerRequest request, HttpServerResponse response) {
        return response.sendString(Mono.just("hello"));
    }
}
