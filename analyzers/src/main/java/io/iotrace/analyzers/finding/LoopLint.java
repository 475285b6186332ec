package io.iotrace.analyzers.finding;

import io.iotrace.analyzers.event.EventHandler;
import io.iotrace.analyzers.event.IoEvent;
import io.iotrace.analyzers.event.RecordingInfo;
import io.iotrace.analyzers.model.ProcessClassification;
import io.iotrace.analyzers.model.ThreadProfiles;
import io.iotrace.analyzers.source.recording.RecordingFormatException;
import io.iotrace.analyzers.source.recording.RecordingReader;
import io.iotrace.analyzers.stats.LogHistogram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the blocking calls on a JVM's event-loop threads: reads its {@code .iotrace} recording (which threads are
 * loops, their iterations, what each resource is) and the Flight Recorder file the agent wrote beside it (the
 * blocking calls, with stacks).
 */
public final class LoopLint {
    private final LoopTimeline timeline = new LoopTimeline();
    private final Map<String, Accumulator> byStack = new LinkedHashMap<>();
    private final Map<Long, Long> blockedNanosByThread = new HashMap<>();
    private final Map<Long, Long> idleNanosByThread = new HashMap<>();
    private final Map<Long, String> loopNames = new LinkedHashMap<>();
    private final Map<Long, String> loopReasons = new HashMap<>();
    private final Map<Integer, String> resourceNames = new HashMap<>();
    private LoopThreads loops;
    private final StartUpWaits startUp = new StartUpWaits(timeline);
    private ApplicationCode application;
    private RuntimeWaits runtimeWaits;

    private LoopLint() {
    }

    /** The JFR file the agent writes beside a recording: {@code iotrace-<pid>.jfr} for {@code iotrace-<pid>.iotrace}. */
    public static Path blockingFileOf(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".iotrace") ? name.substring(0, name.length() - ".iotrace".length()) : name;
        return recording.resolveSibling(base + ".jfr");
    }

    /**
     * Lints one JVM.
     *
     * @param recording   its {@code .iotrace} file; the {@code .jfr} file must be beside it
     * @param loopThreads         threads whose whole name matches are event loops too; null for none
     * @param applicationPackages the packages of the application's own code; empty: those of its main class
     * @throws RecordingFormatException when the recording is missing or damaged
     * @throws IOException              when the JFR file is missing or damaged
     */
    public static ProcessLint analyze(Path recording, Pattern loopThreads, List<String> applicationPackages)
            throws RecordingFormatException, IOException {
        return new LoopLint().run(recording, loopThreads, applicationPackages);
    }

    private ProcessLint run(Path recording, Pattern loopThreads, List<String> applicationPackages)
            throws RecordingFormatException, IOException {
        ThreadProfiles profiles = new ThreadProfiles();
        RecordingInfo[] info = new RecordingInfo[1];
        RecordingReader.read(recording, new EventHandler() {
            @Override
            public void begin(RecordingInfo recordingInfo) {
                info[0] = recordingInfo;
                timeline.begin(recordingInfo);
            }

            @Override
            public void onEvent(IoEvent event) {
                profiles.record(event);
                timeline.onEvent(event);
                if (event.resource() != null) {
                    resourceNames.put(event.resource().id(), event.resource().description());
                }
            }
        });
        RecordingInfo about = info[0];
        application = applicationPackages.isEmpty()
                ? ApplicationCode.ofCommand(about == null ? null : about.command())
                : ApplicationCode.ofPackages(applicationPackages);
        runtimeWaits = new RuntimeWaits(application);
        ProcessClassification classification = profiles.classify(about == null ? null : about.selectorProvider());
        loops = new LoopThreads(classification, loopThreads);
        classification.threads().forEach(t -> {
            var thread = t.profile().thread();
            noteIfLoop(thread.javaId(), thread.name());
        });
        JfrBlockingCalls.read(blockingFileOf(recording), resourceNames::get, this::consider);
        return new ProcessLint(recording.toString(), about == null ? 0 : about.pid(),
                about == null ? "" : about.javaVersion(), about == null ? "" : about.command(), application.describe(),
                health(),
                findings(false), findings(true));
    }

    private String noteIfLoop(long threadId, String name) {
        String reason = loopReasons.get(threadId);
        if (reason == null) {
            reason = loops.reasonFor(threadId, name);
            if (reason != null) {
                loopReasons.put(threadId, reason);
                loopNames.put(threadId, name);
            }
        }
        return reason;
    }

    private void consider(BlockingCall call) {
        String reason = call.kind() == BlockingKind.PINNED
                ? "a virtual thread pinned to its carrier blocks the carrier"
                : noteIfLoop(call.threadId(), call.threadName());
        if (reason != null && IdleWorkers.isWaitingForWork(call)) {
            // Idle, as a loop waiting in its selector is: its share of waiting, not of working.
            idleNanosByThread.merge(call.threadId(), call.durationNanos(), Long::sum);
            return;
        }
        if (reason == null || runtimeWaits.madeBy(call) || isNonBlockingChannelCall(call)) {
            return;
        }
        blockedNanosByThread.merge(call.threadId(), call.durationNanos(), Long::sum);
        String signature = signatureOf(call);
        byStack.computeIfAbsent(signature, s -> new Accumulator(call, reason))
                .add(call, timeline.iterationAround(call.threadId(), call.startEpochNanos() + call.durationNanos() / 2),
                        startUp.ruleFor(call));
    }

    /** A loop's non-blocking channel calls are what it should make, never a finding. */
    private boolean isNonBlockingChannelCall(BlockingCall call) {
        return call.kind().isSocket() && timeline.wasNonBlockingChannelCall(call.threadId(), call.resource(),
                call.startEpochNanos(), call.durationNanos());
    }

    private static String signatureOf(BlockingCall call) {
        StringBuilder s = new StringBuilder(call.kind().id());
        for (Frame frame : call.stack().frames()) {
            s.append('\n').append(frame.qualifiedMethod());
        }
        return s.toString();
    }

    private List<Finding> findings(boolean ofStartUp) {
        List<Finding> findings = new ArrayList<>();
        byStack.forEach((signature, a) -> {
            Finding finding = a.toFinding(fingerprintOf(signature), application);
            if (finding.startUp() == ofStartUp) {
                findings.add(finding);
            }
        });
        findings.sort(Comparator.comparingLong(Finding::totalNanos).reversed());
        return findings;
    }

    private List<LoopHealth> health() {
        List<LoopHealth> health = new ArrayList<>();
        loopNames.forEach((id, name) -> {
            LogHistogram iterations = timeline.iterations(id);
            long[] waitingAndSpan = timeline.waitingAndSpan(id);
            long span = waitingAndSpan[1];
            long blocked = blockedNanosByThread.getOrDefault(id, 0L);
            long waitingNanos = waitingAndSpan[0] + idleNanosByThread.getOrDefault(id, 0L);
            double waiting = span > 0 ? Math.min(1, (double) waitingNanos / span) : 0;
            double blockedShare = span > 0 ? Math.min(1, (double) blocked / span) : 0;
            double working = span > 0 ? Math.max(0, 1 - waiting - blockedShare) : 0;
            boolean seen = iterations != null && iterations.count() > 0;
            health.add(new LoopHealth(id, name, loopReasons.get(id), seen ? iterations.count() : 0,
                    seen ? iterations.percentile(50) : 0, seen ? iterations.percentile(99) : 0,
                    seen ? iterations.max() : 0, waiting, working, blockedShare));
        });
        health.sort(Comparator.comparingLong(LoopHealth::maxNanos).reversed());
        return health;
    }

    /** The first 16 hex digits of the SHA-256 of the signature: short, and stable across JVMs and runs. */
    static String fingerprintOf(String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The calls of one stack, added up. */
    private static final class Accumulator {
        private final BlockingCall first;
        private final String reason;
        private final Set<String> threads = new LinkedHashSet<>();
        private long count;
        private long total;
        private long max;
        private long maxStall = -1;
        /** Why the first call was a start-up wait; it counts only while every call is one. */
        private String startUpRule;
        private boolean allStartUp = true;

        Accumulator(BlockingCall first, String reason) {
            this.first = first;
            this.reason = reason;
        }

        void add(BlockingCall call, long iteration, String startUpRuleOfCall) {
            allStartUp &= startUpRuleOfCall != null;
            if (startUpRule == null) {
                startUpRule = startUpRuleOfCall;
            }
            threads.add(call.threadName());
            count++;
            total += call.durationNanos();
            max = Math.max(max, call.durationNanos());
            maxStall = Math.max(maxStall, iteration);
        }

        Finding toFinding(String fingerprint, ApplicationCode application) {
            return new Finding(fingerprint, first.kind(), List.copyOf(threads), reason, first.resource(), count,
                    total, max, maxStall, application.topFrameOf(first.stack()), first.stack(),
                    allStartUp ? startUpRule : null);
        }
    }
}
