package io.iotrace.cli.testing;

import io.iotrace.cli.IoTraceCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code iotrace} command run in this JVM through {@link IoTraceCli#commandLine()}, with its output and errors
 * captured.
 *
 * @param exitCode what {@code iotrace} would exit with
 * @param out      what it printed on standard output
 * @param err      what it printed on standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code iotrace args...}; {@code run} finds the agent the build made (see {@link BuiltJars}). */
    public static CliRun of(String... args) {
        System.setProperty("iotrace.agent.jar", BuiltJars.agentJar().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IoTraceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
