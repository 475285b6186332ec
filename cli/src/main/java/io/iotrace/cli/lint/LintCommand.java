package io.iotrace.cli.lint;

import io.iotrace.analyzers.finding.Finding;
import io.iotrace.analyzers.finding.LoopLint;
import io.iotrace.analyzers.finding.ProcessLint;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.cli.Artifacts;
import io.iotrace.cli.AttachTimeoutOption;
import io.iotrace.cli.Directories;
import io.iotrace.cli.Durations;
import io.iotrace.cli.ExitCodes;
import io.iotrace.cli.Recordings;
import io.iotrace.cli.TracedCommand;
import io.iotrace.cli.UserError;
import io.iotrace.cli.attach.RecordingWindow;
import io.iotrace.cli.attach.TracingSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotrace lint}: fails when something blocks an event-loop thread. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Find blocking calls (sleep, locks, file and blocking socket I/O, waits) on event-loop threads,"
                + " with durations and stacks. Exit 0: none; 1: findings; 2: usage or input error.",
                "iotrace lint [OPTIONS] -- COMMAND...   traces every JVM the command starts",
                "iotrace lint [OPTIONS] --pid PID       attaches to a running JVM, then takes every hook out again",
                "iotrace lint [OPTIONS] FILE...         recordings made with the agent option blocking=true"})
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or junit (default: ${DEFAULT-VALUE})")
    LintFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--min-duration", converter = Durations.class, paramLabel = "TIME", defaultValue = "0",
            description = "report only findings whose longest call took at least TIME, e.g. 500us, 5ms or 1s"
                    + " (default: any)")
    Duration minDuration;

    @Option(names = "--fail-on-startup", description = "fail on waits of the servers' start-up too (before a loop"
            + " serves its first connection, on its bind or listen path, on first use); by default they are listed apart")
    boolean failOnStartup;

    @Option(names = "--loop-threads", paramLabel = "REGEX", description = "threads whose whole name matches are event loops too")
    String loopThreads;

    @Option(names = "--application-packages", split = ",", paramLabel = "PACKAGE", description = "the packages of"
            + " your own code, e.g. com.acme (default: the main class's first two package names): waits that only"
            + " libraries' frames reach for their own locks are not findings")
    List<String> applicationPackages = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "FILE", description = "accepted findings: lines 'method M', 'class C', 'thread REGEX', 'operation KIND', 'allow-inside C#M', 'disallow-inside C#M'")
    Path allow;

    @Option(names = "--blocking-method", paramLabel = "CLASS#METHOD", description = "a method of yours that blocks"
            + " (repeatable; also 'blocking-method C#M' in the allow file): each call on a loop is a finding")
    List<String> blockingMethods = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "only findings not in this baseline fail")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "write the findings of this run as a baseline")
    Path writeBaseline;

    @Option(names = "--keep", paramLabel = "DIR", description = "with a command or --pid: keep the recordings in DIR")
    Path keep;

    @Option(names = "--pid", paramLabel = "PID", description = "lint a running JVM (Java 17+, same user): attach,"
            + " record for --duration or until Ctrl-C, take every hook out again, then report")
    Long pid;

    @Option(names = "--duration", converter = Durations.class, paramLabel = "TIME",
            description = "with --pid: how long to record, e.g. 30s or 2m; by default until Ctrl-C")
    Duration duration;

    @Mixin
    AttachTimeoutOption attachTimeout;

    @Parameters(arity = "0..*", paramLabel = "FILE|COMMAND", description = "recordings, or the command to run after --")
    List<String> arguments = List.of();

    @Override
    public Integer call() throws Exception {
        Pattern loops = userPattern();
        // Read before a command runs, so that a bad option is told at once, not after the command.
        Gate gate = new Gate(minDuration.toNanos(), allow == null ? AllowRules.none() : AllowRules.read(allow),
                baseline == null ? Baseline.empty() : Baseline.read(baseline));
        String agentOptions = agentOptions(gate.allowed());
        boolean commandMode = spec.commandLine().getParseResult().originalArgs().contains("--");
        if (pid == null && duration != null) {
            throw new UserError("--duration is for --pid: a command is linted until it exits");
        }
        if (pid != null) {
            if (!arguments.isEmpty()) {
                throw new UserError("--pid lints a running JVM: give it no FILE or COMMAND");
            }
            return lintRunningJvm(loops, gate, agentOptions);
        }
        if (arguments.isEmpty()) {
            throw new UserError("nothing to lint: give recordings, a command after --, or --pid PID");
        }
        return commandMode ? lintCommand(loops, gate, agentOptions) : report(lintFiles(loops), gate, new ArrayList<>());
    }

    /** The blocking probe, and the methods declared blocking by option or in the allow file. */
    private String agentOptions(AllowRules allowed) {
        List<String> declared = new ArrayList<>(blockingMethods);
        declared.forEach(method -> MethodNames.parse(method, "--blocking-method"));
        declared.addAll(allowed.blockingMethods());
        return declared.isEmpty() ? "blocking=true" : "blocking=true,blockingMethods=" + String.join(";", declared);
    }

    /** What lets a finding through: the threshold, the allow rules and the baseline. */
    private record Gate(long minNanos, AllowRules allowed, Baseline known) {
        /** The findings long enough and not allowed. */
        List<Finding> keep(List<Finding> findings) {
            return findings.stream().filter(f -> f.maxNanos() >= minNanos && !allowed.allows(f)).toList();
        }

        /** Those the baseline does not know. */
        List<Finding> unknown(List<Finding> findings) {
            return findings.stream().filter(f -> !known.knows(f)).toList();
        }
    }

    /** Filters the findings through the gate, prints them, and says whether the gate fails. */
    private int report(List<ProcessLint> linted, Gate gate, List<String> warnings) throws IOException, XMLStreamException {
        List<ProcessLint> reported = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (ProcessLint p : linted) {
            List<Finding> kept = gate.keep(p.findings());
            List<Finding> keptStartUp = gate.keep(p.startUp());
            all.addAll(kept);
            if (failOnStartup) {
                all.addAll(keptStartUp);
            }
            reported.add(new ProcessLint(p.recording(), p.pid(), p.javaVersion(), p.command(), p.application(), p.loops(),
                    gate.unknown(kept), gate.unknown(keptStartUp)));
        }
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, all);
        }
        print(reported, warnings);
        boolean fails = reported.stream()
                .anyMatch(p -> !p.findings().isEmpty() || failOnStartup && !p.startUp().isEmpty());
        return fails ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private Pattern userPattern() {
        try {
            return loopThreads == null ? null : Pattern.compile(loopThreads);
        } catch (PatternSyntaxException e) {
            throw new UserError("--loop-threads: bad pattern: " + e.getDescription());
        }
    }

    private List<ProcessLint> lintFiles(Pattern loops) throws IOException {
        List<Path> recordings = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                recordings.addAll(Recordings.in(path));
            } else if (argument.endsWith(".iotrace")) {
                recordings.add(path);
            } else {
                throw new UserError(argument + ": not a .iotrace recording or a directory of them"
                        + " (to run a command, put it after --)");
            }
        }
        List<ProcessLint> linted = new ArrayList<>();
        for (Path recording : recordings) {
            if (!Files.isRegularFile(LoopLint.blockingFileOf(recording))) {
                throw new UserError(recording + ": no " + LoopLint.blockingFileOf(recording).getFileName()
                        + " beside it; record with the agent option blocking=true, or use 'iotrace lint -- COMMAND'");
            }
            linted.add(lint(recording, loops));
        }
        return linted;
    }

    /** Runs the command traced and lints what it recorded, also when a Ctrl-C or SIGTERM stops it halfway. */
    private int lintCommand(Pattern loops, Gate gate, String agentOptions) throws Exception {
        Path agentJar = Artifacts.agentJar();
        Path directory = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("iotrace-lint-");
        TracedCommand traced = new TracedCommand(arguments, agentJar, directory.toAbsolutePath(), agentOptions)
                .deletingRecordingsAfterReport(keep == null);
        return traced.runThenReport(exitCode -> {
            List<String> warnings = new ArrayList<>();
            if (exitCode != 0) {
                warnings.add("the command exited with " + exitCode);
            }
            return report(lintRecordingsIn(directory, loops, warnings), gate, warnings);
        });
    }

    /**
     * Attaches to a running JVM with the blocking probe, records until the duration ends, Ctrl-C or the JVM's
     * exit, takes every hook out again and lints what was recorded: the production case, with nothing restarted.
     */
    private int lintRunningJvm(Pattern loops, Gate gate, String agentOptions) throws Exception {
        Path agentJar = Artifacts.agentJar();
        // Opened first, closed last: after a signal the CLI exits only once the target is left as it was, the
        // report is out and the recordings folder is gone.
        try (RecordingWindow window = RecordingWindow.open(pid)) {
            Path directory = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("iotrace-lint-");
            try (TracingSession session = TracingSession.start(pid, agentJar, directory, attachTimeout.timeout(),
                    agentOptions)) {
                session.announce("linting", duration, spec.commandLine().getErr());
                List<String> warnings = new ArrayList<>();
                window.awaitUntil(duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos(),
                        warnings);
                session.stopAndWarn(warnings);
                Path blockingCalls = LoopLint.blockingFileOf(session.recording());
                if (!Files.isRegularFile(blockingCalls) || Files.size(blockingCalls) == 0) {
                    // Flight Recorder creates its file empty and writes it when the recording stops or the JVM
                    // exits: empty, the JVM was killed (or its recording stopped by someone else) first.
                    throw new UserError("pid " + pid + " wrote no blocking calls to " + blockingCalls.getFileName()
                            + " (killed during the recording?); what it did is not known");
                }
                return report(List.of(lint(session.recording(), loops)), gate, warnings);
            } finally {
                if (keep == null) {
                    Directories.deleteTree(directory);
                }
            }
        }
    }

    private List<ProcessLint> lintRecordingsIn(Path directory, Pattern loops, List<String> warnings)
            throws IOException {
        List<ProcessLint> linted = new ArrayList<>();
        for (Path recording : Recordings.in(directory)) {
            if (Files.isRegularFile(LoopLint.blockingFileOf(recording))) {
                linted.add(lint(recording, loops));
            } else {
                warnings.add(recording.getFileName() + ": its JVM wrote no blocking calls (killed before exit?)");
            }
        }
        if (linted.isEmpty()) {
            warnings.add("no JVM was traced: the command started no Java process");
        }
        return linted;
    }

    private ProcessLint lint(Path recording, Pattern loops) {
        try {
            return LoopLint.analyze(recording, loops, applicationPackages);
        } catch (RecordingFormatException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void print(List<ProcessLint> processes, List<String> warnings) throws IOException, XMLStreamException {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        switch (format) {
            case text -> LintReports.text(processes, warnings, failOnStartup, out);
            case json -> LintReports.json(processes, warnings, failOnStartup, out);
            case sarif -> SarifReport.write(processes, failOnStartup, out);
            case junit -> JunitReport.write(processes, failOnStartup, out);
        }
        out.flush();
        if (output != null) {
            Files.writeString(output, buffer.toString());
            if (format != LintFormat.text) {
                warnings.forEach(w -> spec.commandLine().getErr().println("iotrace: warning: " + w));
            }
        } else {
            spec.commandLine().getOut().print(buffer);
            spec.commandLine().getOut().flush();
        }
    }
}
