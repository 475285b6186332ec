package io.iotrace.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of every command that prints a report. */
final class ReportFormatOption {
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;
}
