package io.iotrace.cli.classification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's own {@code com.sun.net.httpserver.HttpServer} answering every request with its body, for tracing in a
 * child JVM. With {@code --pool N} the handlers run on a fixed pool of N threads; with {@code --pool 0} (no
 * executor) they run on the server's dispatcher thread.
 *
 * <p>Follows the fixtures' protocol: prints {@code LISTENING <port>}, serves until standard input ends, then
 * prints {@code STOPPED}.
 */
public final class JdkHttpServerMain {
    private JdkHttpServerMain() {
    }

    public static void main(String[] args) throws IOException {
        int pool = args.length == 2 && args[0].equals("--pool") ? Integer.parseInt(args[1]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", JdkHttpServerMain::echo);
        ExecutorService executor = pool > 0 ? Executors.newFixedThreadPool(pool) : null;
        server.setExecutor(executor);
        server.start();
        System.out.println("LISTENING " + server.getAddress().getPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
        System.out.println("STOPPED");
        System.out.flush();
        // The server's idle-connection timer is not a daemon thread.
        System.exit(0);
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
