package io.iotrace.analyzers.bench;

import io.iotrace.analyzers.stats.WaitKind;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.syscall.SyscallReport;
import io.iotrace.analyzers.report.ThreadReport;
import io.iotrace.analyzers.syscall.SyscallLogAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log of several of the reader's chunks (which are parsed and added up on worker threads, per thread-id
 * partition) reads as one: the logs of the other tests fit in one chunk.
 */
class ChunkedLogTest {
    private static final int PAYLOAD = 2000;
    /** Enough lines of about 2 KiB to fill three 4 MiB chunks. */
    private static final int ROUNDS = 3200;

    @TempDir
    Path dir;

    /**
     * Threads 100 and 200 take turns cloning threads, their {@code clone3} calls split by each other's lines so that
     * every line boundary, wherever a chunk ends, falls inside an unfinished call: only the unfinished half says
     * CLONE_THREAD, so each clone whose halves are not paired across a chunk end would make a process of its own.
     */
    @Test
    void callsSplitAcrossChunkEndsArePairedAndThreadsKeepTheirOrder() throws IOException {
        Path log = dir.resolve("threads.log");
        List<Integer> firstAppearance = new ArrayList<>(List.of(100, 200));
        String payload = "x".repeat(PAYLOAD);
        try (BufferedWriter out = Files.newBufferedWriter(log)) {
            out.write("100 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88) = 200\n");
            out.write("200 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88 <unfinished ...>\n");
            int child = 1000;
            for (int round = 0; round < ROUNDS; round++) {
                out.write("100 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88 <unfinished ...>\n");
                out.write("200 <... clone3 resumed>) = " + child + "\n");
                out.write(child + " write(1, \"" + payload + "\", " + PAYLOAD + ") = " + PAYLOAD + "\n");
                firstAppearance.add(child++);
                out.write("200 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88 <unfinished ...>\n");
                out.write("100 <... clone3 resumed>) = " + child + "\n");
                out.write(child + " write(1, \"" + payload + "\", " + PAYLOAD + ") = " + PAYLOAD + "\n");
                firstAppearance.add(child++);
            }
        }
        long fourMiBChunks = Files.size(log) >> 22;
        assertTrue(fourMiBChunks >= 3, "the log is only " + Files.size(log) + " bytes");

        SyscallReport report = SyscallLogAnalyzer.analyze(List.of(log), true);

        assertEquals(1, report.processes().size());
        ProcessReport process = report.process(100).orElseThrow();
        assertEquals(firstAppearance, process.threads().stream().map(ThreadReport::osTid).toList());
        assertEquals(2L * ROUNDS * PAYLOAD, process.totals().wait(WaitKind.WRITE).bytes());
        assertEquals(2 + 6L * ROUNDS, report.lines());
    }
}
