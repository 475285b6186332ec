package io.iotrace.analyzers.report;

import io.iotrace.analyzers.model.IoModel;

import java.util.List;
import java.util.Optional;

/**
 * Whether a JVM's recording and the syscall log of the same run name the same I/O model and architecture, and
 * where they do not, why: the syscalls show what the JDK does below the Java calls.
 *
 * @param pid       the JVM's process id, in both sources
 * @param recording the recording's answer, {@code model via mechanism / architecture}
 * @param syscalls  the syscall log's answer for the same process
 * @param agree     true when the two answers are the same
 * @param why       where they differ, what the JDK does underneath that explains it; empty when they agree
 */
public record SourceAgreement(long pid, String recording, String syscalls, boolean agree, String why) {

    /** The comparison for the recording's process, or nothing when the syscall log does not show it. */
    public static Optional<SourceAgreement> of(ProcessReport recording, List<ProcessReport> syscallLog) {
        if (recording.process() == null) {
            return Optional.empty();
        }
        long pid = recording.pid();
        return syscallLog.stream().filter(p -> p.pid() == pid).findFirst().map(process -> {
            String fromRecording = labels(recording.ioModel(), recording.mechanism(), recording.architecture());
            String fromSyscalls = labels(process.ioModel(), process.mechanism(), process.architecture());
            boolean agree = fromRecording.equals(fromSyscalls);
            return new SourceAgreement(pid, fromRecording, fromSyscalls, agree, agree ? "" : why(recording));
        });
    }

    private static String labels(IoModel model, Object mechanism, Object architecture) {
        return model + (mechanism == null ? "" : " via " + mechanism) + " / " + architecture;
    }

    private static String why(ProcessReport recording) {
        boolean virtualThreads = recording.threads().stream().anyMatch(ThreadReport::virtual);
        if (virtualThreads) {
            return "the recording's virtual threads are invisible to syscalls: strace sees the carrier threads they"
                    + " run on and the JDK's poller, which waits in epoll for them";
        }
        if (recording.ioModel() == IoModel.ASYNC && recording.underneath() != null) {
            return "below the asynchronous channels, " + recording.underneath()
                    + ": that is what the syscalls show";
        }
        return "the syscalls show what the JDK does below the Java calls; the two reports' evidence says what each"
                + " saw";
    }
}
