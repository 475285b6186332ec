package io.iotrace.cli.classification;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bounded HTTP/1.1 load on 127.0.0.1 from this JVM: K keep-alive connections at once, each sending N
 * {@code POST} requests with a small body and checking that the response echoes it. Raw sockets, so the number of
 * connections the server sees is exactly K.
 */
final class HttpLoad {
    private HttpLoad() {
    }

    static void run(int port, int connections, int requests, int bodySize, long timeoutSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    oneConnection(port, client, requests, bodySize);
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Future<Void> f : done) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void oneConnection(int port, int client, int requests, int bodySize) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] body = new byte[bodySize];
            for (int r = 0; r < requests; r++) {
                Arrays.fill(body, (byte) ('a' + (client + r) % 26));
                String head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + bodySize + "\r\n\r\n";
                byte[] request = concat(head.getBytes(StandardCharsets.US_ASCII), body);
                out.write(request);
                out.flush();
                byte[] answer = readResponseBody(in, r);
                if (!Arrays.equals(body, answer)) {
                    throw new IOException("request " + r + " on connection " + client + " was not echoed");
                }
            }
        }
    }

    /** Reads one response's head and its Content-Length body. */
    private static byte[] readResponseBody(InputStream in, int request) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection in response " + request);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("response " + request + " ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
