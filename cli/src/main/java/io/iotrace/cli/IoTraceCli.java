package io.iotrace.cli;

import io.iotrace.cli.bench.BenchmarkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iotrace} command: one subcommand class each, registered here. */
@Command(name = "iotrace", mixinStandardHelpOptions = true, version = "iotrace 0.1.0",
        description = "Traces and explains how a JVM does I/O: who blocks, who polls, who waits in a selector,"
                + " and how many times each byte is copied.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, DemoCommand.class, AttachCommand.class,
                PsCommand.class, TopCommand.class, io.iotrace.cli.lint.LintCommand.class, BenchmarkCommand.class})
public final class IoTraceCli {

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler; a stack trace of wherever the heap ran out says nothing useful.
            System.err.println("iotrace: out of memory: the input needs more than this JVM's "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB of heap; give it more, for example"
                    + " JAVA_TOOL_OPTIONS=-Xmx1g");
            exitCode = ExitCodes.USAGE_OR_INPUT;
        }
        System.exit(exitCode);
    }

    /** The command line with iotrace's error handling: one line per user error, exit code 2, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IoTraceCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("iotrace: " + (e instanceof UserError ? e.getMessage() : describe(e)));
            return ExitCodes.USAGE_OR_INPUT;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("iotrace: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'iotrace " + e.getCommandLine().getCommandName()
                    + " --help' for more information.");
            return ExitCodes.USAGE_OR_INPUT;
        });
        return cli;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
