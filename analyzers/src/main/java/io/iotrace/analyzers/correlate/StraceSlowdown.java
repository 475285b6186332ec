package io.iotrace.analyzers.correlate;

/**
 * How much slower the target ran because strace stopped it at its syscalls.
 *
 * @param factor how many times slower, or null when it could not be told
 * @param how    how the factor was found: measured on the target, estimated from a calibration, or why it is not
 *               known
 */
public record StraceSlowdown(Double factor, String how) {

    public static StraceSlowdown unknown(String why) {
        return new StraceSlowdown(null, why);
    }

    /** One line for the text report. */
    public String describe() {
        return factor == null ? how : String.format(java.util.Locale.ROOT, "%.1fx slower: %s", factor, how);
    }
}
