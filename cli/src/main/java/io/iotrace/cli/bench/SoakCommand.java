package io.iotrace.cli.bench;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.analyzers.event.SummarySnapshot;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.analyzers.stats.Units;
import io.iotrace.analyzers.summary.SummaryReport;
import io.iotrace.analyzers.summary.SummaryText;
import io.iotrace.analyzers.summary.SummaryTimeline;
import io.iotrace.cli.Artifacts;
import io.iotrace.cli.Directories;
import io.iotrace.cli.Durations;
import io.iotrace.cli.ExitCodes;
import io.iotrace.cli.Recordings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code iotrace benchmark soak}: the agent left on under full load, to show that its recording stays under
 * {@code maxsize} the whole time while the summaries still cover the whole run.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run the bundled blocking echo server traced with maxsize and the summaries on, under the load"
                + " driver back to back for --duration; sample the recording folder's size and the server's resident"
                + " memory all along; then read the rolling set and check that its summaries count every byte the"
                + " server echoed. Exit code 0 when the folder stayed under maxsize and the summaries are whole, 1"
                + " when not.")
public final class SoakCommand implements Callable<Integer> {
    private static final long SAMPLE_MILLIS = 50;
    /** Round trips per connection of one load driver run: a few seconds each, so the run ends near --duration. */
    private static final int ROUND_TRIPS_PER_DRIVE = 20_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", converter = Durations.class, defaultValue = "10m", paramLabel = "TIME",
            description = "how long the load runs (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--maxsize", defaultValue = "64m", description = "the agent's maxsize (default: ${DEFAULT-VALUE})")
    String maxSize;

    @Option(names = "--interval", defaultValue = "10s",
            description = "the agent's summary interval (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--connections", defaultValue = "4", description = "client connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--size", defaultValue = "64", description = "bytes per round trip (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = {"-o", "--keep"}, paramLabel = "DIR",
            description = "keep the recordings in DIR (default: a temporary folder, deleted at the end)")
    Path keep;

    @Override
    public Integer call() throws Exception {
        if (duration.isZero() || connections < 1 || size < 1) {
            throw new ParameterException(spec.commandLine(), "--duration, --connections and --size must be above 0");
        }
        long limit = bytes(maxSize);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("iotrace-soak");
        try {
            out.printf(Locale.ROOT, "iotrace benchmark soak: BlockingEchoServer under the load driver (%d connections,"
                    + " %d-byte round trips back to back) for %s, traced with maxsize=%s, interval=%s;"
                    + " load average %s%n",
                    connections, size, Durations.format(duration), maxSize, interval, BenchmarkReport.loadAverage());
            out.flush();
            return soak(dir, limit, out);
        } finally {
            if (keep == null) {
                Directories.deleteTree(dir);
            }
        }
    }

    private int soak(Path dir, long limit, PrintWriter out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        EchoRun run = new EchoRun(java, Artifacts.fixturesJar(), new EchoWorkload(connections, 0,
                ROUND_TRIPS_PER_DRIVE, size, 300), EchoRun.BLOCKING_ECHO_SERVER, "");
        Process server = new ProcessBuilder(java.toString(), "-javaagent:" + Artifacts.agentJar() + "=dir=" + dir
                + ",maxsize=" + maxSize + ",interval=" + interval, "-cp", Artifacts.fixturesJar().toString(),
                EchoRun.BLOCKING_ECHO_SERVER).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        FolderSampler sampler = new FolderSampler(dir, server.pid());
        long roundTrips = 0;
        long start;
        long elapsed;
        try {
            int port = EchoRun.awaitListening(server);
            sampler.start();
            start = System.nanoTime();
            long deadline = start + duration.toNanos();
            while (System.nanoTime() < deadline) {
                run.drive(port, ROUND_TRIPS_PER_DRIVE);
                roundTrips += (long) ROUND_TRIPS_PER_DRIVE * connections;
            }
            elapsed = System.nanoTime() - start;
            EchoRun.stop(server);
        } finally {
            server.destroyForcibly();
            sampler.stopSampling();
        }
        sampler.sampleOnce();

        List<List<Path>> sets = Recordings.sets(Recordings.in(dir));
        if (sets.size() != 1) {
            throw new IOException("expected one JVM's recording in " + dir + ", found " + sets);
        }
        List<Path> set = sets.get(0);
        SummaryTimeline timeline = new SummaryTimeline();
        long[] events = {0};
        try {
            RecordingReader.readSet(set, new EventHandler() {
                @Override
                public void onEvent(IoEvent event) {
                    events[0]++;
                }

                @Override
                public void onSummary(SummarySnapshot snapshot) {
                    timeline.onSummary(snapshot);
                }

                @Override
                public void begin(RecordingInfo info) {
                    timeline.begin(info);
                }
            });
        } catch (RecordingFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        long echoed = roundTrips * size;
        SummaryReport summaries = timeline.report();
        long summarized = writtenBytes(summaries);
        long summarizedCalls = summaries == null ? 0
                : summaries.calls().stream().mapToLong(c -> c.wholeRun().calls()).sum();
        boolean underLimit = sampler.peakBytes <= limit;
        boolean whole = summarized == echoed;

        out.printf(Locale.ROOT, "elapsed %.1f s, %d round trips (%.0f a second)%n", elapsed / 1e9, roundTrips,
                roundTrips * 1e9 / elapsed);
        out.printf(Locale.ROOT, "recording folder: peak %s of maxsize %s (%d samples, every %d ms), at the end %s in %d"
                + " files; under the limit all the time: %s%n", Units.bytes(sampler.peakBytes), Units.bytes(limit),
                sampler.samples, SAMPLE_MILLIS, Units.bytes(sampler.lastBytes), set.size(), underLimit ? "yes" : "NO");
        out.printf(Locale.ROOT, "server resident memory (VmRSS): %s at the first sample, peak %s, %s at the last%n",
                Units.bytes(sampler.firstRss), Units.bytes(sampler.peakRss), Units.bytes(sampler.lastRss));
        out.printf(Locale.ROOT, "calls still in the folder: %d of the %d the summaries count (the oldest files were"
                + " deleted first)%n", events[0], summarizedCalls);
        out.printf(Locale.ROOT, "the summaries count %d bytes written by the server's connection threads; the load"
                + " driver echoed %d: %s%n", summarized, echoed, whole ? "the whole run" : "NOT the whole run");
        if (summaries != null) {
            SummaryText.render(summaries, out);
        }
        out.flush();
        return underLimit && whole ? ExitCodes.OK : 1;
    }

    /** Bytes the echo server's connection threads wrote to their sockets, as the summaries count them. */
    private static long writtenBytes(SummaryReport summaries) {
        if (summaries == null) {
            return 0;
        }
        return summaries.calls().stream().filter(c -> c.group().equals("conn-#")
                        && c.operation().equals(Operation.WRITE.title()) && ResourceKind.SOCKET.title().equals(c.resource()))
                .mapToLong(c -> c.wholeRun().bytes()).sum();
    }

    private long bytes(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        long unit = v.endsWith("k") ? 1L << 10 : v.endsWith("m") ? 1L << 20 : v.endsWith("g") ? 1L << 30 : 0;
        try {
            if (unit > 0) {
                return Long.parseLong(v.substring(0, v.length() - 1)) * unit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ParameterException(spec.commandLine(), "--maxsize " + value + " is not a number with k, m or g");
    }

    /** Samples the folder's bytes and the server's resident memory on a thread of its own. */
    private static final class FolderSampler extends Thread {
        private final Path dir;
        private final long pid;
        private volatile boolean stopping;
        long samples;
        long peakBytes;
        long lastBytes;
        long firstRss = -1;
        long peakRss;
        long lastRss;

        FolderSampler(Path dir, long pid) {
            super("soak-sampler");
            setDaemon(true);
            this.dir = dir;
            this.pid = pid;
        }

        @Override
        public void run() {
            while (!stopping) {
                sampleOnce();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() throws InterruptedException {
            stopping = true;
            join();
        }

        synchronized void sampleOnce() {
            try {
                long bytes = 0;
                for (Path f : Recordings.in(dir)) {
                    try {
                        bytes += Files.size(f);
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // Rolled over or deleted between the listing and the size: counted in the next sample.
                    }
                }
                samples++;
                lastBytes = bytes;
                peakBytes = Math.max(peakBytes, bytes);
                long rss = rss();
                if (rss > 0) {
                    firstRss = firstRss < 0 ? rss : firstRss;
                    peakRss = Math.max(peakRss, rss);
                    lastRss = rss;
                }
            } catch (IOException e) {
                // The folder is being written: the next sample sees it.
            }
        }

        /** {@code VmRSS} of {@code /proc/<pid>/status}, in bytes; 0 once the server is gone. */
        private long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Gone.
            }
            return 0;
        }
    }
}
