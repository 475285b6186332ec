package io.iotrace.agent;

import java.nio.file.Path;

/**
 * The agent's options, given as {@code -javaagent:iotrace-agent.jar=key=value,key=value} or as the argument of
 * a dynamic load.
 *
 * @param command    what this load of the agent does: {@code start} a recording (the default), {@code stop} the
 *                   recording of {@code session}, or publish the {@code status}
 * @param session    names an attach session, so that only the client that started it can stop it; empty when
 *                   the agent was given at JVM start
 * @param owner      pid of the client that attached; when it is gone the session stops itself (0: no owner)
 * @param directory  where the recording is written, as {@code iotrace-<pid>.iotrace}
 * @param ringEvents events each thread can hold before the writer drains them (a power of two)
 * @param maxThreads the threads' rings together hold at most {@code maxThreads × ringEvents} events; the calls of a
 *                   thread that finds no room are counted as drops
 * @param blocking   also record blocking calls with their stacks ({@link BlockingProbe}), for {@code iotrace lint}
 * @param maxSize    bound in bytes on the recording's set of files ({@code maxsize=256m}): a file that reaches an
 *                   eighth of it goes on in a new one, and the oldest are deleted first
 * @param maxAgeNanos bound on the age of the set's files ({@code maxage=24h}); 0 for none
 * @param blockingMethods the application's methods its user declares blocking, {@code a.b.C#m;x.Y#n} (as
 *                   BlockHound's {@code markAsBlocking}); empty for none
 * @param summaryOnly {@code mode=summary}: only the snapshots of the summaries are written, not each call
 * @param summaryIntervalNanos how often a snapshot of the summaries is written ({@code interval=10s})
 */
record AgentOptions(String command, String session, long owner, Path directory, int ringEvents, int maxThreads,
                    boolean blocking, long maxSize, long maxAgeNanos, String blockingMethods, boolean summaryOnly,
                    long summaryIntervalNanos) {
    /** Left on for weeks, a JVM keeps at most this much recording: the newest part of it. */
    static final long DEFAULT_MAX_SIZE = 256L << 20;
    /** Room for a few files beside the one being written, which may run one large chunk past its eighth. */
    static final long MIN_MAX_SIZE = 1L << 20;

    static final long DEFAULT_SUMMARY_INTERVAL_NANOS = 10_000_000_000L;

    static final String START = "start";
    static final String STOP = "stop";
    static final String STATUS = "status";

    static AgentOptions parse(String args) {
        String command = START;
        String session = "";
        long owner = 0;
        Path directory = Path.of(System.getProperty("user.dir"));
        int ringEvents = 4096;
        int maxThreads = 1024;
        boolean blocking = false;
        long maxSize = DEFAULT_MAX_SIZE;
        long maxAgeNanos = 0;
        String blockingMethods = "";
        boolean summaryOnly = false;
        long summaryIntervalNanos = DEFAULT_SUMMARY_INTERVAL_NANOS;
        if (args != null && !args.isBlank()) {
            for (String pair : args.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("agent option '" + pair + "' is not key=value");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "command" -> command = command(value);
                    case "session" -> session = value;
                    case "owner" -> owner = Long.parseLong(value);
                    case "dir" -> directory = Path.of(value);
                    case "ring" -> ringEvents = Integer.parseInt(value);
                    case "maxThreads" -> maxThreads = Integer.parseInt(value);
                    case "blocking" -> blocking = Boolean.parseBoolean(value);
                    case "maxsize" -> maxSize = size(value);
                    case "maxage" -> maxAgeNanos = age(value);
                    case "blockingMethods" -> blockingMethods = value;
                    case "mode" -> summaryOnly = summaryOnly(value);
                    case "interval" -> summaryIntervalNanos = interval(value);
                    default -> throw new IllegalArgumentException("unknown agent option '" + key
                            + "' (known: command, session, owner, dir, ring, maxThreads, blocking, maxsize, maxage,"
                            + " blockingMethods, mode, interval)");
                }
            }
        }
        return new AgentOptions(command, session, owner, directory, ringEvents, maxThreads, blocking, maxSize,
                maxAgeNanos, blockingMethods, summaryOnly, summaryIntervalNanos);
    }

    /** {@code full} records every call and the summaries; {@code summary} the summaries only. */
    private static boolean summaryOnly(String value) {
        if (!value.equals("full") && !value.equals("summary")) {
            throw new IllegalArgumentException("agent option mode=" + value + " is not one of full, summary");
        }
        return value.equals("summary");
    }

    /** A summary interval such as {@code 10s} or {@code 500ms}: a number and one of the units ms, s, m, h. */
    private static long interval(String value) {
        return withUnit("interval", value, new String[] {"ms", "s", "m", "h"},
                new long[] {1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L});
    }

    /** A size such as {@code 64m}: a number and one of the units k, m, g (powers of 1024). */
    private static long size(String value) {
        long bytes = withUnit("maxsize", value, new String[] {"k", "m", "g"},
                new long[] {1L << 10, 1L << 20, 1L << 30});
        if (bytes < MIN_MAX_SIZE) {
            throw new IllegalArgumentException("agent option maxsize=" + value + " is below the least, 1m");
        }
        return bytes;
    }

    /** An age such as {@code 24h}: a number and one of the units s, m, h, d; 0 for none. */
    private static long age(String value) {
        return value.equals("0") ? 0 : withUnit("maxage", value, new String[] {"s", "m", "h", "d"},
                new long[] {1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L});
    }

    private static long withUnit(String option, String value, String[] units, long[] factors) {
        for (int i = 0; i < units.length; i++) {
            if (value.endsWith(units[i])) {
                try {
                    long number = Long.parseLong(value.substring(0, value.length() - units[i].length()));
                    if (number > 0) {
                        return Math.multiplyExact(number, factors[i]);
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    break; // said below
                }
            }
        }
        throw new IllegalArgumentException("agent option " + option + "=" + value + " is not a positive number"
                + " with one of the units " + String.join(", ", units));
    }

    private static String command(String value) {
        if (!value.equals(START) && !value.equals(STOP) && !value.equals(STATUS)) {
            throw new IllegalArgumentException("unknown agent command '" + value + "' (known: start, stop, status)");
        }
        return value;
    }

    Path recordingFile() {
        return directory.resolve("iotrace-" + ProcessHandle.current().pid() + ".iotrace");
    }

    /** The blocking probe's JFR file, beside the recording. */
    Path blockingFile() {
        return directory.resolve("iotrace-" + ProcessHandle.current().pid() + ".jfr");
    }
}
