package io.iotrace.analyzers.source.recording;

import io.iotrace.analyzers.event.EventHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Follows a recording that its agent is still writing, like {@code tail -f}: each {@link #poll} delivers the
 * whole chunks written since the last one and leaves a chunk that is still being written for the next. Reading
 * only what is new keeps a live view's cost per refresh independent of how long it has been running.
 */
public final class RecordingFollower implements AutoCloseable {
    private static final int HEADER_BYTES = RecordingReader.MAGIC.length + 2;
    private static final int CHUNK_HEADER_BYTES = 1 + 4;

    private final Path file;
    private final RecordingReader reader;
    private FileChannel channel;
    private long offset;
    private boolean ended;

    public RecordingFollower(Path file, EventHandler handler) {
        this.file = file;
        this.reader = new RecordingReader(file, handler);
    }

    /**
     * Delivers every chunk written completely since the last poll.
     *
     * @return whether the recording's end marker has been read (later polls deliver nothing)
     * @throws RecordingFormatException when the file is not a recording or is damaged
     */
    public boolean poll() throws RecordingFormatException {
        if (ended) {
            return true;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            if (offset == 0 && !readHeader()) {
                return false;
            }
            while (!ended) {
                ByteBuffer head = readAt(offset, CHUNK_HEADER_BYTES);
                if (head == null) {
                    return false;
                }
                int tag = head.get() & 0xFF;
                int length = reader.checkedLength(head.getInt(), offset);
                ByteBuffer payload = readAt(offset + CHUNK_HEADER_BYTES, length);
                if (payload == null) {
                    return false;
                }
                ended = reader.chunk(tag, payload.array(), offset);
                offset += CHUNK_HEADER_BYTES + length;
            }
            return true;
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, -1, 0, "no such file");
        } catch (IOException e) {
            throw new RecordingFormatException(file, offset, 0, "cannot read: " + e.getMessage());
        }
    }

    private boolean readHeader() throws IOException {
        ByteBuffer header = readAt(0, HEADER_BYTES);
        if (header == null) {
            return false;
        }
        byte[] magic = new byte[RecordingReader.MAGIC.length];
        header.get(magic);
        reader.checkMagic(magic, magic.length);
        reader.checkVersion(header.getShort() & 0xFFFF);
        offset = HEADER_BYTES;
        return true;
    }

    /** The {@code length} bytes at {@code position}, or null when the agent has not written them all yet. */
    private ByteBuffer readAt(long position, int length) throws IOException {
        if (channel.size() < position + length) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, position + bytes.position()) < 0) {
                return null;
            }
        }
        return bytes.flip();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
