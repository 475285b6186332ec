package io.iotrace.cli.syscall;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The Java calls whose syscalls the correlation test knows: on one loopback connection, {@value #ROUNDS} blocking
 * {@code SocketChannel.read}s into a heap {@code ByteBuffer}, then as many into a direct one, each after the peer
 * has written its {@value #MESSAGE} bytes (so each read finds them waiting and needs one syscall); then one
 * {@code FileChannel.transferTo} of a file into another file (sendfile on Linux). One thread does everything.
 *
 * <p>Run: {@code java -cp <test-classes> io.iotrace.cli.syscall.ReadsAndTransferProgram DIR}; prints
 * {@code DONE} and exits 0.
 */
public final class ReadsAndTransferProgram {
    static final int ROUNDS = 40;
    static final int MESSAGE = 64;
    static final int FILE_BYTES = 64 * 1024;

    private ReadsAndTransferProgram() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        loadTheTemporaryBufferCache(dir);
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(listener.getLocalAddress());
             SocketChannel server = listener.accept()) {
            readRounds(client, server, ByteBuffer.allocate(MESSAGE));
            readRounds(client, server, ByteBuffer.allocateDirect(MESSAGE));
        }
        Path source = Files.write(dir.resolve("transfer-source.bin"), new byte[FILE_BYTES]);
        Path target = dir.resolve("transfer-target.bin");
        try (FileChannel from = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel to = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long sent = 0;
            while (sent < FILE_BYTES) {
                sent += from.transferTo(sent, FILE_BYTES - sent, to);
            }
        }
        Files.delete(source);
        Files.delete(target);
        System.out.println("DONE");
    }

    /**
     * A JVM's first channel call with a heap buffer loads the JDK's cache of temporary direct buffers from the
     * runtime image (a pread64): done here on a file, so that it is not inside the first measured socket read.
     */
    private static void loadTheTemporaryBufferCache(Path dir) throws IOException {
        Path scratch = dir.resolve("warm-up.bin");
        try (FileChannel file = FileChannel.open(scratch, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(1));
        }
        Files.delete(scratch);
    }

    private static void readRounds(SocketChannel client, SocketChannel server, ByteBuffer into) throws IOException {
        ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE);
        for (int round = 0; round < ROUNDS; round++) {
            message.clear();
            while (message.hasRemaining()) {
                client.write(message);
            }
            into.clear();
            while (into.hasRemaining()) {
                if (server.read(into) < 0) {
                    throw new IOException("the peer closed the connection in round " + round);
                }
            }
        }
    }
}
