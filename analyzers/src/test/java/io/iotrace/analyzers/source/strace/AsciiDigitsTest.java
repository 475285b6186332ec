package io.iotrace.analyzers.source.strace;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Eight bytes at once must read what a digit-by-digit loop reads, whatever follows the digits. */
class AsciiDigitsTest {
    @Test
    void countsAndReadsTheLeadingDigitsWhateverByteFollows() {
        Random random = new Random(16);
        for (int run = 0; run < 200_000; run++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            int digits = random.nextInt(9);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < digits; i++) {
                bytes[i] = (byte) ('0' + random.nextInt(10));
                text.append((char) bytes[i]);
            }
            if (digits < 8 && bytes[digits] >= '0' && bytes[digits] <= '9') {
                bytes[digits] = (byte) (bytes[digits] + 10);
            }
            long word = AsciiDigits.word(bytes, 0);
            assertEquals(digits, AsciiDigits.leading(word), text::toString);
            if (digits > 0) {
                assertEquals(Long.parseLong(text.toString()), AsciiDigits.value(word, digits), text::toString);
            }
        }
    }

    @Test
    void theBytesAroundDigitsInALineEndThem() {
        for (String around : new String[]{" ", ".", "<", ">", ",", ")", "/", ":", "\n", "\u00ff", "\u0000"}) {
            byte[] bytes = ("1234" + around + "567").getBytes(StandardCharsets.ISO_8859_1);
            long word = AsciiDigits.word(bytes, 0);
            assertEquals(4, AsciiDigits.leading(word), around);
            assertEquals(1234, AsciiDigits.value(word, 4), around);
        }
    }
}
