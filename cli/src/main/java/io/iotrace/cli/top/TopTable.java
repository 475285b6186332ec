package io.iotrace.cli.top;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out {@code iotrace top}'s rows as fixed-width text lines, the same in the live view and in batch mode. */
public final class TopTable {
    static final String HEADER = String.format(Locale.ROOT, "%-22s %-18s %-20s %9s %10s %10s %6s %9s",
            "GROUP", "ROLE", "I/O MODEL", "CALLS/S", "IN/S", "OUT/S", "WAIT%", "STALL ms");

    private TopTable() {
    }

    public static List<String> lines(List<GroupRow> rows, SortKey sort) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (GroupRow r : rows.stream().sorted(sort.order()).toList()) {
            String label = r.label() + (r.threads() > 1 ? " (" + r.threads() + ")" : "");
            lines.add(String.format(Locale.ROOT, "%-22s %-18s %-20s %9.0f %10s %10s %6.1f %9s", clip(label, 22),
                    clip(r.role(), 18), clip(r.ioModel(), 20), r.callsPerSec(), rate(r.inPerSec()),
                    rate(r.outPerSec()), r.waitPercent(),
                    r.stallMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.stallMillis())));
        }
        return lines;
    }

    private static String rate(double bytesPerSecond) {
        String[] units = {"B", "KiB", "MiB", "GiB"};
        double v = bytesPerSecond;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
