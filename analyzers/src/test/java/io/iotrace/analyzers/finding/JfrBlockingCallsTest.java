package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JfrBlockingCallsTest {

    @Test
    void hiddenClassesLoseTheirAddressSoThatFingerprintsHoldAcrossRuns() {
        assertEquals("a.B$$Lambda", JfrBlockingCalls.withoutHiddenClassSuffix("a.B$$Lambda.0x7e1cd448"));
        assertEquals("a.B$$Lambda", JfrBlockingCalls.withoutHiddenClassSuffix("a.B$$Lambda$14/0x7e1cd448"));
        assertEquals("java.lang.invoke.LambdaForm$MH",
                JfrBlockingCalls.withoutHiddenClassSuffix("java.lang.invoke.LambdaForm$MH.0x000000001c338800"));
        assertEquals("jdk.internal.foreign.abi.UpcallStub",
                JfrBlockingCalls.withoutHiddenClassSuffix("jdk.internal.foreign.abi.UpcallStub/0x000000001c335000"));
    }

    @Test
    void ordinaryClassNamesAreKeptWhole() {
        assertEquals("a.B$Inner", JfrBlockingCalls.withoutHiddenClassSuffix("a.B$Inner"));
        assertEquals("com.oxide.Ox0", JfrBlockingCalls.withoutHiddenClassSuffix("com.oxide.Ox0"));
    }
}
