package io.iotrace.cli;

/** How reports are printed. */
enum ReportFormat {
    text, json
}
