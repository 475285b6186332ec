package io.iotrace.cli.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the corpus of real programs is, and its files unpacked for a test. */
final class CorpusFiles {
    static final Path CORPUS = Path.of("..", "corpus").toAbsolutePath().normalize();

    private CorpusFiles() {
    }

    /** A program's folder: {@code native/<name>} or {@code jvm/<name>}. */
    static Path program(String kindAndName) {
        return CORPUS.resolve(kindAndName);
    }

    /**
     * Unpacks {@code packed} to {@code target} with the xz tool (the JDK reads no xz, and gzip would make the
     * checked-in logs half as large again); a file already there is kept.
     */
    static Path unpack(Path packed, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Process xz = new ProcessBuilder("xz", "-dc", packed.toString())
                    .redirectOutput(target.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertTrue(xz.waitFor(60, TimeUnit.SECONDS), "xz did not finish unpacking " + packed);
            assertEquals(0, xz.exitValue(), "xz could not unpack " + packed);
        }
        return target;
    }
}
