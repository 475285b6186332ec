package io.iotrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iotrace demo}: traces a bundled fixture server under load and prints its report on standard output. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Trace a bundled fixture server under load from a bundled driver, and print the report.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", defaultValue = "SelectorWorkerPoolServer",
            description = "fixture server to run: BlockingEchoServer, SelectorEchoServer, SelectorWorkerPoolServer,"
                    + " MultiLoopEchoServer, AsyncEchoServer, BusyPollingEchoServer (default: ${DEFAULT-VALUE})")
    String server;

    @Mixin
    ReportFormatOption reportFormat;

    @Override
    public Integer call() {
        Path fixtures = Artifacts.fixturesJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of("run", "--report", "-", "--format", reportFormat.format.name(),
                "--", java, "-cp", fixtures.toString(), "io.iotrace.fixtures.Scenario", server,
                "--connections", "4", "--round-trips", "2000", "--size", "512"));
        CommandLine run = IoTraceCli.commandLine();
        run.setOut(spec.commandLine().getOut());
        run.setErr(spec.commandLine().getErr());
        return run.execute(args.toArray(new String[0]));
    }
}
