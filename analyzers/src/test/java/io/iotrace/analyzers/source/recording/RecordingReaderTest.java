package io.iotrace.analyzers.source.recording;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotrace.analyzers.event.IoEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {
    @TempDir
    Path dir;

    @Test
    void aHugeChunkLengthIsReportedAsDamageWithoutAllocatingIt() throws IOException {
        Path file = write(header(), chunkHeader(RecordingReader.TAG_EVENTS, Integer.MAX_VALUE));

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> read(file));

        assertTrue(e.getMessage().contains("damaged chunk length"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 10"), e.getMessage());
    }

    @Test
    void aChunkThatRunsPastTheEndIsCutShortAndSaysHowMuchOfItIsThere() throws IOException {
        Path file = write(header(), chunkHeader(RecordingReader.TAG_EVENTS, 4096), new byte[100]);

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> read(file));

        assertTrue(e.isCutShort(), e.getMessage());
        assertTrue(e.getMessage().contains("ends inside a chunk, of which 105 of 4101 bytes are there"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at byte 10"), e.getMessage());
    }

    @Test
    void aRecordingWithoutItsEndMarkerIsCutShort() throws IOException {
        Path file = write(header());

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> read(file));

        assertTrue(e.isCutShort(), e.getMessage());
        assertTrue(e.getMessage().contains("without the agent's end marker"), e.getMessage());
    }

    @Test
    void aRecordingTheAgentStoppedSaysWhy() throws IOException {
        ByteArrayOutputStream reason = new ByteArrayOutputStream();
        new DataOutputStream(reason).writeUTF("the agent could not write: No space left on device");
        Path file = write(header(), chunkHeader(RecordingReader.TAG_STOPPED, reason.size()), reason.toByteArray());

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> read(file));

        assertTrue(e.isCutShort(), e.getMessage());
        assertTrue(e.getMessage().contains("the agent stopped recording after 0 events: the agent could not write:"
                + " No space left on device"), e.getMessage());
    }

    @Test
    void anUnknownVersionIsRefusedByName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(RecordingReader.MAGIC);
        new DataOutputStream(bytes).writeShort(99);
        Path file = write(bytes.toByteArray());

        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> read(file));

        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    private static void read(Path file) throws RecordingFormatException {
        RecordingReader.read(file, (IoEvent event) -> { });
    }

    private static byte[] header() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(RecordingReader.MAGIC);
        new DataOutputStream(bytes).writeShort(RecordingReader.VERSION);
        return bytes.toByteArray();
    }

    private static byte[] chunkHeader(int tag, int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(tag);
        out.writeInt(length);
        return bytes.toByteArray();
    }

    private Path write(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        return Files.write(dir.resolve("r.iotrace"), all.toByteArray());
    }
}
