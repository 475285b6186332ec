package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CallStackTest {

    @Test
    void theFingerprintDependsOnTheMethodsNotOnTheirLines() {
        assertEquals(LoopLint.fingerprintOf("sleep\ncom.example.Handler.channelRead"),
                LoopLint.fingerprintOf("sleep\ncom.example.Handler.channelRead"));
        assertEquals(16, LoopLint.fingerprintOf("sleep").length());
        assertNotEquals(LoopLint.fingerprintOf("sleep\na.B.c"),
                LoopLint.fingerprintOf("park\na.B.c"));
    }
}
