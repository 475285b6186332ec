package corpus.jdkasync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.smartboot.socket.MessageProcessor;
import org.smartboot.socket.Protocol;
import org.smartboot.socket.transport.AioQuickServer;
import org.smartboot.socket.transport.AioSession;

/**
 * smart-socket 1.5.10 (org.smartboot.socket:aio-core), which runs on the JDK's AsynchronousServerSocketChannel in an
 * AsynchronousChannelGroup.withFixedThreadPool(availableProcessors): reads and writes complete in
 * CompletionHandlers on the group's threads. The protocol is the least HTTP/1.1 wrk needs: a request is
 * everything up to the blank line, and each gets a keep-alive "hello" answer. Argument: the port (127.0.0.1).
 */
public final class SmartSocketHello {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n"
            + "Connection: keep-alive\r\n\r\nhello\n").getBytes(StandardCharsets.US_ASCII);

    /** A request head: the bytes up to and including CRLF CRLF; null until all of them are in. */
    static final class RequestHead implements Protocol<Boolean> {
        @Override
        public Boolean decode(ByteBuffer buffer, AioSession session) {
            for (int i = buffer.position(); i + 3 < buffer.limit(); i++) {
                if (buffer.get(i) == '\r' && buffer.get(i + 1) == '\n' && buffer.get(i + 2) == '\r'
                        && buffer.get(i + 3) == '\n') {
                    buffer.position(i + 4);
                    return Boolean.TRUE;
                }
            }
            return null;
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        MessageProcessor<Boolean> hello = (session, request) -> {
            try {
                session.writeBuffer().writeAndFlush(RESPONSE);
            } catch (IOException e) {
                session.close();
            }
        };
        AioQuickServer server = new AioQuickServer("127.0.0.1", port, new RequestHead(), hello);
        server.setBannerEnabled(false);
        server.start();
        System.out.println("smart-socket listening on 127.0.0.1:" + port);
    }
}
