package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pins of a virtual thread waiting for a class another thread initializes are the JVM's, once per class. */
class ClassInitializationWaitTest {
    private static final CallStack AT_APPLICATION_BYTECODE = new CallStack(List.of(
            new Frame("com.example.Sorter", "lambda$main$0", 41), new Frame("java.lang.VirtualThread", "run", 460)));
    private static final CallStack SLEEPING = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", 540),
            new Frame("com.example.Sorter", "compareSlowly", 80)));

    private static BlockingCall pin(String reason, CallStack stack) {
        return new BlockingCall(1, "sorter-1", true, BlockingKind.PINNED, reason, 0, 300_000, stack);
    }

    @Test
    void aPinThatSaysItWaitedForAClassIsTheJvms() {
        assertTrue(RuntimeWaits.isClassInitializationWait(pin("Waited for initialization of com.example.Config",
                SLEEPING)));
    }

    @Test
    void aFailedPreemptionRightAtTheApplicationsBytecodeIsAClassInitializationWait() {
        assertTrue(RuntimeWaits.isClassInitializationWait(pin("Freeze or preempt failed (2)", AT_APPLICATION_BYTECODE)));
    }

    @Test
    void aFailedPreemptionInAJdkNativeMethodIsTheVmsOwn() {
        // A connection's virtual thread of a real server on JDK 25, as Flight Recorder saw it in the corpus.
        CallStack read = new CallStack(List.of(new Frame("sun.nio.ch.SocketDispatcher", "read0", -1, true),
                new Frame("sun.nio.ch.SocketDispatcher", "read", 48),
                new Frame("sun.nio.ch.SocketChannelImpl", "read", 492),
                new Frame("io.helidon.common.socket.NioSocket", "get", 161)));

        assertTrue(RuntimeWaits.isClassInitializationWait(pin("Freeze or preempt failed (2)", read)));
    }

    @Test
    void aFailedPreemptionUnderABlockingJdkMethodOrANativeFramePinIsAFinding() {
        assertFalse(RuntimeWaits.isClassInitializationWait(pin("Freeze or preempt failed (2)", SLEEPING)));
        assertFalse(RuntimeWaits.isClassInitializationWait(pin("Native or VM frame on stack", AT_APPLICATION_BYTECODE)));
    }
}
