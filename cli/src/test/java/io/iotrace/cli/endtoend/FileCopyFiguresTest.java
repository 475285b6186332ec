package io.iotrace.cli.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.analyzers.report.CopyReport;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.ResourceReport;
import io.iotrace.analyzers.report.WaitReport;
import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.cli.testing.ChildJava;
import io.iotrace.cli.testing.Recorded;
import io.iotrace.cli.testing.RunningJava;
import io.iotrace.cli.testing.TargetJdk;
import io.iotrace.fixtures.FileCopyWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The file workload copies one source file four ways in one traced JVM (stream, heap buffer, direct buffer,
 * transferTo, in that order); each way opens the source afresh, so the source's read side shows up as four
 * resources, in that order, whose copy figures must be exact.
 */
class FileCopyFiguresTest {
    private static final int CHUNK = 8192;
    private static final int CHUNKS = 16;
    private static final long SIZE = (long) CHUNK * CHUNKS;

    @TempDir
    Path recordings;

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("io.iotrace.cli.testing.TargetJdk#both")
    void eachCopyStyleShowsItsCopiesPerChunkOnTheSourceFile(TargetJdk jdk) throws Exception {
        ProcessReport report;
        try (RunningJava copy = ChildJava.on(jdk).traced(recordings).main(FileCopyWorkload.class)
                .args("--mode", "all", "--size", String.valueOf(SIZE), "--chunk", String.valueOf(CHUNK),
                        "--dir", work.toString()).start()) {
            copy.awaitSuccess(Duration.ofSeconds(60));
            report = Recorded.analyze(copy.recording());
        }
        List<ResourceReport> sourceReads = readSidesOf(report, "iotrace-copy-source.bin");
        assertEquals(4, sourceReads.size(), "one read side per mode: " + sourceReads);

        ResourceReport stream = sourceReads.get(0);
        assertEquals("file-input-stream", stream.kind());
        assertChunkedReads(stream, 2);

        ResourceReport heap = sourceReads.get(1);
        assertEquals("file-channel", heap.kind());
        assertChunkedReads(heap, 2);

        ResourceReport direct = sourceReads.get(2);
        assertEquals("file-channel", direct.kind());
        assertChunkedReads(direct, 1);

        CopyReport transfer = sourceReads.get(3).io().copies();
        assertEquals(0, transfer.bytesCopied(), "user-space bytes copied by transferTo");
        assertEquals(0, transfer.kernelUserCopies());
        assertEquals(SIZE, transfer.zeroCopyBytes());
        assertEquals(0.0, transfer.copiesPerByte());
    }

    /** C + 1 reads (the last at end of file), C of them copying a chunk, each chunk copied {@code copies} times. */
    private static void assertChunkedReads(ResourceReport resource, int copiesPerChunk) {
        WaitReport reads = resource.io().wait(WaitKind.READ);
        assertEquals(CHUNKS + 1, reads.calls(), "read calls on " + resource);
        assertEquals(SIZE, reads.bytes());
        CopyReport copies = resource.io().copies();
        assertEquals(CHUNKS, copies.kernelUserCopies(), "kernel to user copies of " + resource.kind());
        assertEquals(SIZE, copies.kernelUserBytes());
        assertEquals((long) (copiesPerChunk - 1) * CHUNKS, copies.jdkCopies(), "JDK copies of " + resource.kind());
        assertEquals((long) copiesPerChunk * SIZE, copies.bytesCopied());
        assertEquals(copiesPerChunk, copies.copiesPerByte(), 1e-9);
    }

    /** The resources on that file which read or transferred from it, in the order the program opened them. */
    private static List<ResourceReport> readSidesOf(ProcessReport report, String fileName) {
        return report.resources().stream()
                .filter(r -> r.description().endsWith("/" + fileName))
                .filter(r -> r.io().wait(WaitKind.READ) != null || r.io().wait(WaitKind.TRANSFER) != null)
                .sorted(Comparator.comparingInt(ResourceReport::id))
                .toList();
    }
}
