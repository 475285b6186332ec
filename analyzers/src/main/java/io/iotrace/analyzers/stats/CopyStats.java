package io.iotrace.analyzers.stats;

import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.ResourceKind;

/**
 * How the bytes of a thread or resource were copied between the kernel and the Java heap.
 *
 * <p>Rules (see JDK-IO-NOTES): every read/write/receive/send call that moved bytes is one kernel↔user copy; when the
 * caller's buffer is on the heap ({@code byte[]} or heap {@code ByteBuffer}) the JDK copies the same bytes once more
 * through a temporary direct (or native stack) buffer; {@code transferTo}/{@code transferFrom} and {@code map} move
 * bytes without a user-space copy. An asynchronous socket or file read/write completes with the same copies as a
 * synchronous one, counted on the thread that completed it.
 */
public final class CopyStats {

    private long kernelUserCopies;
    private long kernelUserBytes;
    private long jdkCopies;
    private long jdkCopyBytes;
    private long zeroCopyTransfers;
    private long zeroCopyBytes;
    private long mappings;
    private long mappedBytes;

    void record(IoEvent event) {
        Operation op = event.operation();
        long bytes = event.bytesMoved();
        if (op == Operation.MAP) {
            mappings++;
            mappedBytes += Math.max(0, event.requested());
        } else if (op == Operation.TRANSFER_TO || op == Operation.TRANSFER_FROM) {
            if (bytes > 0) {
                zeroCopyTransfers++;
                zeroCopyBytes += bytes;
            }
        } else if (bytes > 0 && (op.movesBytes() || isAsyncDataCompletion(event))) {
            kernelUserCopies++;
            kernelUserBytes += bytes;
            if (event.buffer() != null && event.buffer().isHeap()) {
                jdkCopies++;
                jdkCopyBytes += bytes;
            }
        }
    }

    /** A completed async read or write: on an async socket or file channel, and it asked for bytes. */
    private static boolean isAsyncDataCompletion(IoEvent event) {
        if (event.resource() == null) {
            return false;
        }
        ResourceKind kind = event.resource().kind();
        return event.operation() == Operation.ASYNC_COMPLETE && event.requested() > 0
                && (kind == ResourceKind.ASYNC_SOCKET_CHANNEL || kind == ResourceKind.ASYNC_FILE_CHANNEL);
    }

    /**
     * Adds copies a source counted rather than recorded one by one (a syscall log). A syscall log shows no Java
     * buffers, so it has no JDK copies to add.
     */
    public void addCounted(long kernelUserCopies, long kernelUserBytes, long zeroCopyTransfers, long zeroCopyBytes,
                           long mappings, long mappedBytes) {
        this.kernelUserCopies += kernelUserCopies;
        this.kernelUserBytes += kernelUserBytes;
        this.zeroCopyTransfers += zeroCopyTransfers;
        this.zeroCopyBytes += zeroCopyBytes;
        this.mappings += mappings;
        this.mappedBytes += mappedBytes;
    }

    void add(CopyStats other) {
        kernelUserCopies += other.kernelUserCopies;
        kernelUserBytes += other.kernelUserBytes;
        jdkCopies += other.jdkCopies;
        jdkCopyBytes += other.jdkCopyBytes;
        zeroCopyTransfers += other.zeroCopyTransfers;
        zeroCopyBytes += other.zeroCopyBytes;
        mappings += other.mappings;
        mappedBytes += other.mappedBytes;
    }

    public long kernelUserCopies() {
        return kernelUserCopies;
    }

    public long kernelUserBytes() {
        return kernelUserBytes;
    }

    public long jdkCopies() {
        return jdkCopies;
    }

    public long jdkCopyBytes() {
        return jdkCopyBytes;
    }

    public long zeroCopyTransfers() {
        return zeroCopyTransfers;
    }

    public long zeroCopyBytes() {
        return zeroCopyBytes;
    }

    public long mappings() {
        return mappings;
    }

    public long mappedBytes() {
        return mappedBytes;
    }

    /** Bytes the program received or sent: by read/write calls and by zero-copy transfers. */
    public long bytesDelivered() {
        return kernelUserBytes + zeroCopyBytes;
    }

    /** User-space copies per byte delivered: 2 through a heap buffer, 1 direct, 0 zero-copy; 0 when nothing moved. */
    public double copiesPerByte() {
        long delivered = bytesDelivered();
        return delivered == 0 ? 0 : (double) (kernelUserBytes + jdkCopyBytes) / delivered;
    }
}
