package io.iotrace.agent.runtime;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** The resource kind of a JDK I/O object, found once when the resource is first seen. */
final class Kinds {
    /** Passed by advice that leaves the kind to {@link #of}. */
    static final int UNKNOWN = -1;

    private Kinds() {
    }

    static int of(Object r) {
        if (r instanceof SocketChannel) {
            return Ops.SOCKET_CHANNEL;
        }
        if (r instanceof ServerSocketChannel) {
            return Ops.SERVER_SOCKET_CHANNEL;
        }
        if (r instanceof DatagramChannel) {
            return Ops.DATAGRAM_CHANNEL;
        }
        if (r instanceof FileChannel) {
            return Ops.FILE_CHANNEL;
        }
        if (r instanceof FileInputStream) {
            return Ops.FILE_INPUT_STREAM;
        }
        if (r instanceof FileOutputStream) {
            return Ops.FILE_OUTPUT_STREAM;
        }
        if (r instanceof RandomAccessFile) {
            return Ops.RANDOM_ACCESS_FILE;
        }
        if (r instanceof Selector) {
            return Ops.SELECTOR;
        }
        if (r instanceof AsynchronousSocketChannel) {
            return Ops.ASYNC_SOCKET_CHANNEL;
        }
        if (r instanceof AsynchronousServerSocketChannel) {
            return Ops.ASYNC_SERVER_SOCKET_CHANNEL;
        }
        if (r instanceof AsynchronousFileChannel) {
            return Ops.ASYNC_FILE_CHANNEL;
        }
        return Ops.SOCKET;
    }
}
