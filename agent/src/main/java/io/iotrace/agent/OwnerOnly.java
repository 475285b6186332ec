package io.iotrace.agent;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Folders and files the agent creates are its owner's only: a recording names files and network peers. */
final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates {@code directory} and its missing parents as {@code rwx------}; one that exists is left as it is. */
    static void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Creates an empty {@code rw-------} file for a writer that keeps the mode of the file it finds. */
    static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Left by an earlier JVM with this pid: it is overwritten, and is made the owner's first.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
