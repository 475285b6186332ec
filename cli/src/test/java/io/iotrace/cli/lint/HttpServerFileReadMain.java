package io.iotrace.cli.lint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JDK {@code HttpServer} without an executor, so handlers run on its dispatcher thread, whose handler reads a
 * file with {@code Files.readAllBytes} on every request.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then
 * prints {@code STOPPED}.
 */
public final class HttpServerFileReadMain {
    private static Path page;

    private HttpServerFileReadMain() {
    }

    public static void main(String[] args) throws IOException {
        page = Files.writeString(Files.createTempFile("iotrace-page", ".html"), "<p>served from a file</p>\n");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", HttpServerFileReadMain::servePage);
        server.start();
        System.out.println("LISTENING " + server.getAddress().getPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.stop(0);
        Files.delete(page);
        System.out.println("STOPPED");
        System.out.flush();
    }

    static void servePage(HttpExchange exchange) throws IOException {
        byte[] body = Files.readAllBytes(page);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
