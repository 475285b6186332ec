package io.iotrace.analyzers.source.strace;

import java.nio.file.Path;

/** What an strace output file's name says: {@code -ff -o trace} writes one file per thread, {@code trace.<tid>}. */
final class StraceFileNames {
    private StraceFileNames() {
    }

    /** The thread id in a {@code name.<tid>} file name, or 0 when the name carries none. */
    static int tidOf(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return 0;
        }
        String name = fileName.toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1 || name.length() - dot > 8) {
            return 0;
        }
        for (int i = dot + 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return 0;
            }
        }
        return Integer.parseInt(name.substring(dot + 1));
    }
}
