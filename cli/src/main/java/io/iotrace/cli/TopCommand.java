package io.iotrace.cli;

import io.iotrace.cli.attach.RecordingWindow;
import io.iotrace.cli.attach.TracingSession;
import io.iotrace.cli.top.FullScreen;
import io.iotrace.cli.top.GroupRow;
import io.iotrace.cli.top.LiveSampler;
import io.iotrace.cli.top.SortKey;
import io.iotrace.cli.top.TopTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotrace top}: a live view of a running JVM's thread groups and their I/O; leaving it detaches. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Attach to a running JVM and show, every interval, one row per thread group: role, I/O model,"
                + " calls/s, bytes/s in and out, time in I/O calls, and for selector loops the longest stall."
                + " Keys: c i o w s n sort, q quits. Leaving detaches and restores the JVM.")
final class TopCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the JVM to watch (see 'iotrace ps')")
    long pid;

    @Option(names = {"-b", "--batch"}, description = "print one plain block per interval instead of the live view"
            + " (also when standard output is not a terminal)")
    boolean batch;

    @Option(names = "--interval", converter = Durations.class, defaultValue = "1s", paramLabel = "TIME",
            description = "refresh period, e.g. 500ms or 2s (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", description = "stop after N intervals (batch mode)")
    int iterations;

    @Option(names = "--sort", defaultValue = "calls", description = "calls, in, out, wait, stall or name"
            + " (default: ${DEFAULT-VALUE})")
    SortKey sort;

    @Mixin
    AttachTimeoutOption attachTimeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // Opened first, closed last: after a signal the CLI exits only once the target is detached and the
        // recordings folder is gone.
        try (RecordingWindow window = RecordingWindow.open(pid)) {
            Path directory = Files.createTempDirectory("iotrace-top-");
            try (TracingSession session = TracingSession.start(pid, Artifacts.agentJar(), directory,
                    attachTimeout.timeout()); LiveSampler sampler = new LiveSampler(session.recording())) {
                String name = session.target().displayName().split(" ")[0];
                String title = "iotrace top - pid " + pid + (name.isEmpty() ? "" : " " + name) + " - every "
                        + Durations.format(interval);
                if (batch || System.console() == null) {
                    batch(window, sampler, title);
                } else {
                    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                        new FullScreen(terminal, title, sampler, interval, sort).run(window::stopRequested);
                    }
                }
            } finally {
                Directories.deleteTree(directory);
            }
        }
        return ExitCodes.OK;
    }

    /** One plain block per interval, until the iterations are done, a signal, or the target's exit. */
    private void batch(RecordingWindow window, LiveSampler sampler, String title) throws IOException,
            InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println(title + " - sort: " + sort);
        out.flush();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; iterations <= 0 || i < iterations; i++) {
            if (!window.awaitUntil(System.nanoTime() + interval.toNanos(), warnings)) {
                warnings.forEach(w -> spec.commandLine().getErr().println("iotrace: " + w));
                return;
            }
            List<GroupRow> rows = sampler.sample();
            out.println();
            out.println(LocalTime.now().format(CLOCK) + "  " + rows.size() + " thread groups, process model: "
                    + sampler.report().ioModel());
            TopTable.lines(rows, sort).forEach(out::println);
            out.flush();
        }
    }
}
