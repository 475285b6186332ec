package io.iotrace.cli.syscall;

import io.iotrace.analyzers.correlate.JavaCallTimeline;
import io.iotrace.analyzers.correlate.StraceWindow;
import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import java.nio.file.Path;

/**
 * A recording's Java calls, collected in the same pass that makes its report, to be matched with the syscalls of
 * their threads: one read of the file feeds both, as one read of a syscall log feeds its report and its timeline.
 */
public final class JavaCalls implements EventHandler {
    private final Path recording;
    private final JavaCallTimeline timeline;
    private boolean begun;

    /** @param window the calls that strace saw; the others are counted, not matched */
    public JavaCalls(Path recording, StraceWindow window) {
        this.recording = recording;
        this.timeline = new JavaCallTimeline(window);
    }

    @Override
    public void begin(RecordingInfo info) {
        begun = true;
        timeline.begin(info);
    }

    @Override
    public void onEvent(IoEvent event) {
        timeline.onEvent(event);
    }

    @Override
    public void end(long droppedEvents) {
        timeline.end(droppedEvents);
    }

    Path recording() {
        return recording;
    }

    /** @return the calls, or null when the file held no recording header (the report's warning says why) */
    JavaCallTimeline timeline() {
        return begun ? timeline : null;
    }
}
