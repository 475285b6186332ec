package io.iotrace.cli.lint;

/** How {@code iotrace lint} writes its findings. */
public enum LintFormat {
    text, json, sarif, junit
}
