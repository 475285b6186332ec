package corpus.undertow;

import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/**
 * Undertow core with 2 XNIO I/O threads and its default worker pool (ioThreads * 8); a BlockingHandler
 * dispatches each request to a worker thread, which writes "hello" through the blocking output stream while
 * the I/O threads read and parse the requests. Argument: the port (127.0.0.1).
 */
public final class UndertowHello {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);
        Undertow server = Undertow.builder()
                .setIoThreads(2)
                .addHttpListener(port, "127.0.0.1")
                .setHandler(new BlockingHandler(exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                    exchange.getOutputStream().write(hello);
                }))
                .build();
        server.start();
        System.out.println("undertow listening on 127.0.0.1:" + port);
    }
}
