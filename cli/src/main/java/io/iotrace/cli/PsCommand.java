package io.iotrace.cli;

import io.iotrace.cli.attach.TargetJvm;
import io.iotrace.cli.ps.JvmEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iotrace ps}: the JVMs on this host that iotrace can attach to, and why not for the others. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the JVMs on this host: pid, main class, Java version, uptime, threads, resident memory,"
                + " bytes read and written so far, and why 'iotrace attach' would not work on one.")
final class PsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportFormatOption reportFormat;

    @Override
    public Integer call() throws IOException {
        List<JvmEntry> jvms = JvmEntry.listAll(TargetJvm.listed()).stream()
                .sorted(Comparator.comparingLong(JvmEntry::pid)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (reportFormat.format == ReportFormat.json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("schema", "iotrace.ps/1");
            document.put("jvms", jvms);
            Json.print(document, out);
        } else {
            out.printf("%7s %-8s %-10s %8s %7s %9s %9s %9s  %s%n", "PID", "USER", "JAVA", "UPTIME", "THREADS", "RSS",
                    "READ", "WRITTEN", "MAIN");
            for (JvmEntry j : jvms) {
                out.printf("%7d %-8s %-10s %8s %7s %9s %9s %9s  %s%s%n", j.pid(), j.user(), j.javaVersion(),
                        uptime(j.uptimeSeconds()), j.threads() < 0 ? "?" : Integer.toString(j.threads()),
                        bytes(j.rssBytes()), bytes(j.readBytes()), bytes(j.writtenBytes()), j.main(),
                        j.cannotAttach() == null ? "" : "  [cannot attach: " + j.cannotAttach() + "]");
            }
            if (jvms.isEmpty()) {
                out.println("No other JVM announces itself on this host (JVMs started with -XX:-UsePerfData do not).");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String uptime(long seconds) {
        if (seconds < 0) {
            return "?";
        }
        if (seconds < 3600) {
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02d", seconds / 3600, seconds % 3600 / 60);
    }

    static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
