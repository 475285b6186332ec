package io.iotrace.analyzers.syscall;

/**
 * Data moved between user space and the kernel, counted from the calls' return values (never from printed,
 * possibly truncated strings).
 *
 * @param zeroCopyBytes bytes moved by {@code sendfile}, {@code splice}, {@code copy_file_range}, {@code tee}
 * @param fileMmaps     {@code mmap} calls of a file descriptor; their bytes are the mapped lengths
 */
public record CopyFigures(long readCalls, long readBytes, long writeCalls, long writeBytes, long zeroCopyCalls,
                          long zeroCopyBytes, long fileMmaps, long fileMmapBytes) {

    static final CopyFigures NONE = new CopyFigures(0, 0, 0, 0, 0, 0, 0, 0);

    CopyFigures plus(CopyFigures o) {
        return new CopyFigures(readCalls + o.readCalls, readBytes + o.readBytes, writeCalls + o.writeCalls,
                writeBytes + o.writeBytes, zeroCopyCalls + o.zeroCopyCalls, zeroCopyBytes + o.zeroCopyBytes,
                fileMmaps + o.fileMmaps, fileMmapBytes + o.fileMmapBytes);
    }
}
