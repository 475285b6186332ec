package io.iotrace.analyzers.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionTrailTest {

    @Test
    void aThreadKeepsItsFirstConnectionsOnlyHoweverManyItMakes() {
        // An accept loop of a long log: each connection one accept and one run of data calls on descriptor 4.
        ConnectionTrail trail = new ConnectionTrail();
        long ordinal = 0;
        for (int connection = 0; connection < ConnectionTrail.MAX_RECORDS; connection++) {
            trail.started(ConnectionTrail.ACCEPTED, 4, ordinal++);
            trail.used(4, ordinal++);
            trail.closed(4);
        }
        trail.endRuns();

        assertEquals(ConnectionTrail.MAX_RECORDS, trail.records());
        assertEquals(ConnectionTrail.ACCEPTED, trail.kind(0));
        assertEquals(ConnectionTrail.USED, trail.kind(1));
        assertEquals(1, trail.first(1));
    }
}
