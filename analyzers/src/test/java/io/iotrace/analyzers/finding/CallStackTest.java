package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallStackTest {

    @Test
    void theTopApplicationFrameIsTheFirstOutsideTheJdkAndTheFrameworks() {
        CallStack stack = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", -1),
                new Frame("com.example.Handler", "channelRead", 42),
                new Frame("io.netty.channel.AbstractChannelHandlerContext", "fireChannelRead", 357),
                new Frame("com.example.Main", "main", 10)));

        assertEquals(new Frame("com.example.Handler", "channelRead", 42), stack.topApplicationFrame());
    }

    @Test
    void aStackOfLibraryFramesOnlyPointsAtItsInnermostFrame() {
        CallStack stack = new CallStack(List.of(new Frame("java.io.FileInputStream", "read", 1),
                new Frame("io.netty.util.NetUtil", "<clinit>", 2)));

        assertEquals(new Frame("java.io.FileInputStream", "read", 1), stack.topApplicationFrame());
    }

    @Test
    void theFingerprintDependsOnTheMethodsNotOnTheirLines() {
        assertEquals(LoopLint.fingerprintOf("sleep\ncom.example.Handler.channelRead"),
                LoopLint.fingerprintOf("sleep\ncom.example.Handler.channelRead"));
        assertEquals(16, LoopLint.fingerprintOf("sleep").length());
        assertNotEquals(LoopLint.fingerprintOf("sleep\na.B.c"),
                LoopLint.fingerprintOf("park\na.B.c"));
    }
}
