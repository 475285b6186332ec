package io.iotrace.analyzers.syscall;

import java.util.Arrays;

/**
 * Where in the log one thread started sockets (accept, connect, socket) and moved data on them, by descriptor: the
 * raw facts from which {@link SyscallConnections} tells connections apart. A descriptor number is one connection
 * from the call that made it to the next call that reuses the number, so the thread keeps, per descriptor, its
 * current run of data calls (first and last place in the log) and ends the run when it closes or reuses the
 * number; which connection a run was on is settled once every thread's starts are known. Fixed-size arrays indexed
 * by descriptor and one growing array of records: no allocation per call.
 *
 * <p>A thread keeps at most {@value #MAX_RECORDS} records, its first connections: a log's memory must not grow
 * with the connections a long-lived thread makes (an accept loop of a day's log makes millions), and the roles that
 * identity decides are settled long before. Counts (accepts, data calls) are kept elsewhere, whole.
 */
final class ConnectionTrail {
    /** What a record says. */
    static final int ACCEPTED = 1;
    static final int CONNECTED = 2;
    /** A socket() call: a new socket on the number, a connection once connected. */
    static final int CREATED = 3;
    /** A run of data calls on the descriptor between {@link #first} and {@link #last}. */
    static final int USED = 4;

    private static final int FIELDS = 3;
    /** 192 KiB of records a thread at most. */
    static final int MAX_RECORDS = 8192;
    private static final long NONE = -1;

    private long[] runFirst = new long[0];
    private long[] runLast = new long[0];
    /** Records of {@value #FIELDS} longs: kind and descriptor, first place, last place. */
    private long[] records = new long[FIELDS * 4];
    private int size;

    /** A data call on socket {@code fd}, the {@code ordinal}-th event of the log. */
    void used(int fd, long ordinal) {
        if (fd < 0) {
            return;
        }
        if (fd >= runFirst.length) {
            int length = Math.max(fd + 1, runFirst.length * 2);
            int old = runFirst.length;
            runFirst = Arrays.copyOf(runFirst, length);
            runLast = Arrays.copyOf(runLast, length);
            Arrays.fill(runFirst, old, length, NONE);
        }
        if (runFirst[fd] == NONE) {
            runFirst[fd] = ordinal;
        }
        runLast[fd] = ordinal;
    }

    /** The thread accepted, connected or made socket {@code fd}: whatever it did on that number before is over. */
    void started(int kind, int fd, long ordinal) {
        if (fd < 0) {
            return;
        }
        endRun(fd);
        add(kind, fd, ordinal, ordinal);
    }

    /** The thread closed the descriptor: its next use of the number is of another connection. */
    void closed(int fd) {
        if (fd >= 0) {
            endRun(fd);
        }
    }

    private void endRun(int fd) {
        if (fd < runFirst.length && runFirst[fd] != NONE) {
            add(USED, fd, runFirst[fd], runLast[fd]);
            runFirst[fd] = NONE;
        }
    }

    private void add(int kind, int fd, long first, long last) {
        if (size == MAX_RECORDS * FIELDS) {
            return;
        }
        if (size + FIELDS > records.length) {
            records = Arrays.copyOf(records, records.length * 2);
        }
        records[size] = (long) kind << 32 | fd;
        records[size + 1] = first;
        records[size + 2] = last;
        size += FIELDS;
    }

    /** Ends the runs still open: the log is read (or the thread exited). */
    void endRuns() {
        for (int fd = 0; fd < runFirst.length; fd++) {
            endRun(fd);
        }
    }

    /** How many records; {@link #endRuns} first. */
    int records() {
        return size / FIELDS;
    }

    int kind(int record) {
        return (int) (records[record * FIELDS] >>> 32);
    }

    int fd(int record) {
        return (int) records[record * FIELDS];
    }

    long first(int record) {
        return records[record * FIELDS + 1];
    }

    long last(int record) {
        return records[record * FIELDS + 2];
    }
}
