package io.iotrace.cli.syscall;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotrace.analyzers.report.ProcessReport;
import io.iotrace.analyzers.report.TextReport;
import io.iotrace.analyzers.syscall.SyscallReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what {@code iotrace analyze} found when syscall logs were among its files: the recordings' reports, then
 * the syscall report. JSON keeps the recordings' document ({@code schema}, {@code warnings}, {@code processes})
 * and adds {@code syscalls}, so readers of the recording report need not change.
 */
public final class SyscallOutput {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    private SyscallOutput() {
    }

    public static void print(List<ProcessReport> recordings, SyscallReport syscalls, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("schema", ProcessReport.SCHEMA);
            document.put("warnings", syscalls.warnings());
            document.put("processes", recordings);
            document.put("syscalls", syscalls);
            try {
                out.println(JSON.writeValueAsString(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            for (ProcessReport report : recordings) {
                TextReport.render(report, out);
                out.println();
            }
            syscalls.render(out);
        }
        out.flush();
    }
}
