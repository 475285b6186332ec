package io.iotrace.cli.attach;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Finds when the first event of a growing recording began, reading no further than that event. */
public final class FirstEvent {
    private FirstEvent() {
    }

    /** The start ({@code System.nanoTime()} of the target) of the recording's first event, if it has one yet. */
    public static OptionalLong startNanos(Path recording) {
        long[] first = {0};
        try {
            RecordingReader.read(recording, new EventHandler() {
                @Override
                public void onEvent(IoEvent event) {
                    first[0] = event.startNanos();
                    throw new Found();
                }
            });
        } catch (Found found) {
            return OptionalLong.of(first[0]);
        } catch (RecordingFormatException e) {
            // Not written that far yet.
        }
        return OptionalLong.empty();
    }

    /** Ends the read at the first event: the rest of the file is not needed. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
