package io.iotrace.cli.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The feature release of each way a JVM writes its version, which decides whether attach refuses it. */
class JavaVersionTest {

    @Test
    void theFeatureReleaseIsTheLeadingNumber() {
        assertEquals(17, TracingSession.featureOf("17.0.21.1"));
        assertEquals(17, TracingSession.featureOf("17"));
        assertEquals(25, TracingSession.featureOf("25-ea"));
        assertEquals(21, TracingSession.featureOf("21-internal"));
        assertEquals(11, TracingSession.featureOf("11.0.21"));
        assertEquals(8, TracingSession.featureOf("1.8.0_402"));
    }

    @Test
    void anUnreadableVersionIsNoFeatureRelease() {
        assertEquals(0, TracingSession.featureOf("?"));
        assertEquals(0, TracingSession.featureOf(""));
    }
}
