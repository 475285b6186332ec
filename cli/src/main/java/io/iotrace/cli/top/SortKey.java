package io.iotrace.cli.top;

import java.util.Comparator;

/** What {@code iotrace top} sorts its rows by, and the key that selects it in the live view. */
public enum SortKey {
    calls('c', Comparator.comparingDouble(GroupRow::callsPerSec).reversed()),
    in('i', Comparator.comparingDouble(GroupRow::inPerSec).reversed()),
    out('o', Comparator.comparingDouble(GroupRow::outPerSec).reversed()),
    wait('w', Comparator.comparingDouble(GroupRow::waitPercent).reversed()),
    stall('s', Comparator.comparingDouble(GroupRow::stallMillis).reversed()),
    name('n', Comparator.comparing(GroupRow::label));

    private final char key;
    private final Comparator<GroupRow> order;

    SortKey(char key, Comparator<GroupRow> order) {
        this.key = key;
        this.order = order;
    }

    public char key() {
        return key;
    }

    public Comparator<GroupRow> order() {
        return order.thenComparing(GroupRow::label);
    }

    /** The sort key typed as {@code c}, or null when no key is bound to {@code c}. */
    public static SortKey ofKey(int c) {
        for (SortKey k : values()) {
            if (k.key == c) {
                return k;
            }
        }
        return null;
    }
}
