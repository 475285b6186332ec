package io.iotrace.cli.top;

/**
 * One line of {@code iotrace top}: a thread group's figures over the last interval.
 *
 * @param label         the group's threads ({@code conn-0..7})
 * @param threads       how many
 * @param role          what it does for the process
 * @param ioModel       how it does I/O
 * @param callsPerSec   I/O calls per second
 * @param inPerSec      bytes read per second
 * @param outPerSec     bytes written per second
 * @param waitPercent   share of the members' time spent inside I/O calls
 * @param stallMillis   for selector loops, the longest time between a select's return and the next select; -1
 *                      for groups that do not select
 */
public record GroupRow(String label, int threads, String role, String ioModel, double callsPerSec, double inPerSec,
                       double outPerSec, double waitPercent, double stallMillis) {
}
