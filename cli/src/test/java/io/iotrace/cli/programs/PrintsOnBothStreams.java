package io.iotrace.cli.programs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program that does some file I/O and prints on both standard streams: {@code PrintsOnBothStreams FILE} writes
 * FILE, reads it back, then prints its size on standard output and {@code done} on standard error.
 */
public final class PrintsOnBothStreams {
    private PrintsOnBothStreams() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Files.write(file, new byte[10_000]);
        System.out.println("read " + Files.readAllBytes(file).length + " bytes");
        System.err.println("done");
    }
}
