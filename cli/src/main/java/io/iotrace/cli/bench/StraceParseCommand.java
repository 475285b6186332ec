package io.iotrace.cli.bench;

import io.iotrace.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code iotrace benchmark strace-parse}: the strace parser's speed against {@code wc -l} and a plain Java
 * {@code readLine} loop, run in a JVM of its own whose heap is capped at the target, so that a parse needing more
 * than that fails instead of hiding in a large default heap.
 */
@Command(name = "strace-parse", mixinStandardHelpOptions = true,
        description = "Measure the strace log parser: build a log of --mib MiB from the corpus's real-program strace"
                + " logs (pids and times shifted), print its shape, then time wc -l, a BufferedReader.readLine() loop"
                + " and iotrace's parse through to the report (median of 3 each, on the file in page cache, the parse"
                + " after --warm-up seconds of untimed runs that let the JIT finish, its first, cold run printed"
                + " beside), with"
                + " the parse's peak heap; the same on a generated log and on a perf script log built from the"
                + " corpus's perf recordings; then the scaling table (128 MiB, 1 GiB and"
                + " 4 GiB; 1,000, 10,000 and 100,000 threads), in a JVM capped at 256 MiB.")
public final class StraceParseCommand implements Callable<Integer> {
    private static final String HEAP_TARGET = "-Xmx256m";

    @Spec
    CommandSpec spec;

    @Option(names = "--mib", defaultValue = "1024", description = "size of the generated log (default: ${DEFAULT-VALUE})")
    long mebibytes;

    @Option(names = "--corpus", description = "the corpus folder with native/*/strace.log.xz, jvm/*/strace.log.xz"
            + " and native/*/perf-script.log.xz"
            + " (default: the corpus beside the iotrace build)")
    Path corpus;

    @Option(names = "--warm-up", defaultValue = "15", paramLabel = "SECONDS", description = "untimed parse runs,"
            + " for so many seconds, before each log's parse is timed: the JIT compiles its hot code meanwhile"
            + " (default: ${DEFAULT-VALUE})")
    int warmUpSeconds;

    @Option(names = "--no-scaling", description = "leave out the scaling table, which writes and reads 5 GiB of logs,"
            + " one at a time")
    boolean noScaling;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (mebibytes < 1) {
            throw new ParameterException(spec.commandLine(), "--mib must be at least 1, was " + mebibytes);
        }
        if (warmUpSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--warm-up must be at least 0, was " + warmUpSeconds);
        }
        Path logs = corpus != null ? corpus : besideTheBuild();
        if (!Files.isDirectory(logs)) {
            throw new ParameterException(spec.commandLine(), "no corpus folder at " + logs + ": give --corpus");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), HEAP_TARGET, "-cp", System.getProperty("java.class.path"),
                StraceParseBenchmark.class.getName(), Long.toString(mebibytes), logs.toString(),
                Boolean.toString(!noScaling), Integer.toString(warmUpSeconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // A signal to this JVM alone, or an error here: the child's gigabyte of log must not go on being written
        // (SIGTERM lets the child delete it).
        Thread stopChild = new Thread(child::destroy, "iotrace-stop-benchmark");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            copy(child.getInputStream(), spec.commandLine().getOut());
            return child.waitFor() == 0 ? ExitCodes.OK : ExitCodes.USAGE_OR_INPUT;
        } finally {
            child.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it stops the child.
            }
        }
    }

    /** The repository's corpus: the CLI runs from {@code cli/target/} (its jar or its classes). */
    private static Path besideTheBuild() {
        try {
            Path code = Path.of(StraceParseCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().getParent().getParent().resolve("corpus");
        } catch (Exception e) {
            return Path.of("corpus").toAbsolutePath();
        }
    }

    private static void copy(InputStream from, PrintWriter to) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = from.read(buffer)) > 0; ) {
            to.write(new String(buffer, 0, n, StandardCharsets.UTF_8));
            to.flush();
        }
    }
}
