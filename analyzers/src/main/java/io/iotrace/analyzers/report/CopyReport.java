package io.iotrace.analyzers.report;

import io.iotrace.analyzers.stats.CopyStats;

/**
 * How bytes were copied between the kernel and the Java heap.
 *
 * @param kernelUserCopies  read/write calls that moved bytes: one kernel↔user copy each
 * @param kernelUserBytes   the bytes they moved
 * @param jdkCopies         extra copies through the JDK's temporary direct buffer (heap buffers only)
 * @param jdkCopyBytes      the bytes those copied
 * @param zeroCopyTransfers transferTo/transferFrom calls that moved bytes
 * @param zeroCopyBytes     the bytes they moved without a user-space copy
 * @param mappings          map calls
 * @param mappedBytes       bytes mapped
 * @param bytesDelivered    bytes read or written, by calls and by transfers
 * @param copiesPerByte     user-space copies per byte delivered: 2 heap, 1 direct, 0 zero-copy
 */
public record CopyReport(long kernelUserCopies, long kernelUserBytes, long jdkCopies, long jdkCopyBytes,
                         long zeroCopyTransfers, long zeroCopyBytes, long mappings, long mappedBytes,
                         long bytesDelivered, double copiesPerByte) {

    static CopyReport of(CopyStats c) {
        return new CopyReport(c.kernelUserCopies(), c.kernelUserBytes(), c.jdkCopies(), c.jdkCopyBytes(),
                c.zeroCopyTransfers(), c.zeroCopyBytes(), c.mappings(), c.mappedBytes(), c.bytesDelivered(),
                c.copiesPerByte());
    }

    /** Bytes copied in user space: kernel↔user plus the JDK's extra copies. */
    public long bytesCopied() {
        return kernelUserBytes + jdkCopyBytes;
    }
}
