package corpus.nanohttpd;

import fi.iki.elonen.NanoHTTPD;
import java.io.IOException;

/**
 * NanoHTTPD 2.3.1: a blocking ServerSocket, one accept thread, and (DefaultAsyncRunner) a new thread per
 * connection that serves its keep-alive requests with blocking stream reads and writes. Answers "hello".
 * Argument: the port (127.0.0.1).
 */
public final class NanoHello extends NanoHTTPD {
    NanoHello(int port) {
        super("127.0.0.1", port);
    }

    @Override
    public Response serve(IHTTPSession session) {
        return newFixedLengthResponse(Response.Status.OK, "text/plain", "hello\n");
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        // daemon=false: the accept thread keeps the JVM up until SIGTERM
        new NanoHello(port).start(NanoHTTPD.SOCKET_READ_TIMEOUT, false);
        System.out.println("nanohttpd listening on 127.0.0.1:" + port);
    }
}
