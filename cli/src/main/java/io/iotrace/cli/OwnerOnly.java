package io.iotrace.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the folders and files iotrace writes readable by their owner only: recordings and reports name files
 * and network peers.
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates {@code directory} and its missing parents as {@code rwx------}; one that exists is left as it is. */
    public static Path createDirectories(Path directory) throws IOException {
        return Files.createDirectories(directory,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** A UTF-8 writer to {@code file}, created as {@code rw-------} or emptied when it exists. */
    public static Writer newWriter(Path file) throws IOException {
        try {
            return Channels.newWriter(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + file + ": " + e.getMessage());
        }
    }
}
