package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The only class that instrumented JDK code calls. Loaded by the bootstrap loader, it uses JDK types only.
 *
 * <p>Every entry point is a no-op while {@link #recorder} is null, which is how the agent switches itself
 * off. An instrumented call does {@code enter} (which returns null when the call must not be recorded: no
 * recorder, a nested call, or one of the agent's own threads) and then {@code exit} with what happened.
 */
public final class IoTrace {
    private static volatile Recording recorder;
    private static final ThreadLocal<ThreadRecorder> CURRENT = new ThreadLocal<>();
    private static final VarHandle MAPPED_FD = mappedBufferFd();
    private static volatile String disabledBecause;
    /**
     * The blocking probe's Flight Recorder events (host lookups, blocking calls and methods), set only while the probe
     * records them; else null, and none is made.
     */
    private static volatile BlockingEvents blockingEvents;
    /**
     * Set while the calling thread begins or commits a blocking method's event: were Flight Recorder's own code to
     * yield, that yield is not recorded into the event being made.
     */
    private static final ThreadLocal<Boolean> MAKING_BLOCKING_METHOD_EVENT = new ThreadLocal<>();

    private IoTrace() {
    }

    public static void start(Recording r) {
        disabledBecause = null;
        recorder = r;
    }

    /** Switches recording off; instrumented calls go on at the cost of one volatile read. */
    public static void disable(String why) {
        recorder = null;
        blockingEvents = null;
        if (why != null) {
            disabledBecause = why;
            warn("recording stopped: " + why);
        }
    }

    /** Makes the blocking probe's events from now on; call only once they are registered with JFR. */
    public static void recordBlockingEvents(BlockingEvents events) {
        blockingEvents = events;
    }

    public static String disabledBecause() {
        return disabledBecause;
    }

    public static Recording recorder() {
        return recorder;
    }

    public static void warn(String message) {
        System.err.println("[iotrace] " + message);
    }

    /** Marks the calling thread as the agent's own: its I/O is never recorded. */
    public static void exemptCurrentThread() {
        ThreadRecorder t = new ThreadRecorder(0, Thread.currentThread(), false, ThreadRecorder.NO_RING, null);
        t.busy = true;
        CURRENT.set(t);
    }

    /**
     * Marks the start of the agent's own work on an application thread (a class transformation, which
     * reads the agent jar): nothing it does is recorded. Returns the state to give back to {@link #endAgentWork}.
     */
    public static boolean beginAgentWork() {
        Recording r = recorder;
        ThreadRecorder t = r == null ? CURRENT.get() : current(r);
        if (t == null) {
            return true;
        }
        boolean wasBusy = t.busy;
        t.busy = true;
        return wasBusy;
    }

    public static void endAgentWork(boolean wasBusy) {
        ThreadRecorder t = CURRENT.get();
        if (t != null) {
            t.busy = wasBusy;
        }
    }

    /** Runs {@code action} with the calling thread's calls counted instead of recorded; returns the count. */
    public static int countCallsOf(Runnable action) {
        ThreadRecorder t = current(recorder);
        if (t == null) {
            return 0;
        }
        t.selfTest = true;
        t.selfTestHits = 0;
        try {
            action.run();
            return t.selfTestHits;
        } finally {
            t.selfTest = false;
        }
    }

    // ---- entry points for advice --------------------------------------------------------------------

    public static ThreadRecorder enter(long requested) {
        Recording r = recorder;
        if (r == null) {
            return null;
        }
        ThreadRecorder t = current(r);
        if (t == null || t.busy) {
            return null;
        }
        t.busy = true;
        t.requested = requested;
        BlockingEvents events = blockingEvents;
        if (events != null && !t.selfTest) {
            t.blockingCall = events.beginCall();
        }
        t.start = System.nanoTime();
        return t;
    }

    public static ThreadRecorder enter(ByteBuffer buffer) {
        return enter(buffer == null ? 0 : buffer.remaining());
    }

    public static ThreadRecorder enter(ByteBuffer[] buffers, int offset, int length) {
        return enter(remaining(buffers, offset, length));
    }

    /** Starts timing a host lookup; null (one volatile read) unless the blocking probe records them. */
    public static ThreadRecorder enterHostLookup() {
        BlockingEvents events = blockingEvents;
        if (events == null) {
            return null;
        }
        ThreadRecorder t = enter(0);
        if (t != null && !t.selfTest) {
            t.hostLookup = events.beginHostLookup();
        }
        return t;
    }

    /** Commits the lookup that {@link #enterHostLookup} started; a failed lookup found no address. */
    public static void exitHostLookup(ThreadRecorder t, String host, Object[] addresses) {
        if (t == null) {
            return;
        }
        try {
            Object lookup = t.hostLookup;
            t.hostLookup = null;
            BlockingEvents events = blockingEvents;
            if (lookup != null && events != null) {
                events.commitHostLookup(lookup, host, addresses == null ? 0 : addresses.length);
            }
        } finally {
            t.blockingCall = null;
            t.busy = false;
        }
    }

    /**
     * Starts timing a call that blocks without I/O on a resource ({@link BlockingEvents#beginMethod}); null (one volatile
     * read) unless the blocking probe records them, and null on the agent's own threads, during its own work and
     * inside an instrumented I/O call, which is that call's time. It takes no guard of its own: what a method the
     * user declares blocking does inside (a file read) is recorded too.
     */
    public static Object enterBlockingMethod() {
        BlockingEvents events = blockingEvents;
        if (events == null || recorder == null || MAKING_BLOCKING_METHOD_EVENT.get() != null) {
            return null;
        }
        ThreadRecorder t = CURRENT.get();
        if (t != null && (t.busy || t.selfTest)) {
            return null;
        }
        MAKING_BLOCKING_METHOD_EVENT.set(Boolean.TRUE);
        try {
            return events.beginMethod();
        } finally {
            MAKING_BLOCKING_METHOD_EVENT.remove();
        }
    }

    /** Commits the call that {@link #enterBlockingMethod} started, as {@code kind} (one of {@link BlockingEvents}'). */
    public static void exitBlockingMethod(Object begun, String kind) {
        BlockingEvents events = blockingEvents;
        if (begun == null || events == null) {
            return;
        }
        MAKING_BLOCKING_METHOD_EVENT.set(Boolean.TRUE);
        try {
            events.commitMethod(begun, kind);
        } finally {
            MAKING_BLOCKING_METHOD_EVENT.remove();
        }
    }

    /**
     * Records a finished call.
     *
     * @param moved bytes moved (or, for select, keys ready; for accept, 1 when a connection came);
     *              -1 at end of stream
     */
    public static void exit(ThreadRecorder t, int op, int kind, Object resource, boolean blocking, int buffer,
                            long moved, long related, Throwable thrown) {
        if (t == null) {
            return;
        }
        long end = System.nanoTime();
        Object blockingCall = t.blockingCall;
        t.blockingCall = null;
        try {
            Recording r = recorder;
            if (r == null || resource == null) {
                return;
            }
            if (t.selfTest) {
                t.selfTestHits++;
                return;
            }
            int outcome;
            if (thrown != null) {
                outcome = Ops.EXCEPTION;
            } else if (moved < 0) {
                outcome = Ops.END_OF_STREAM;
            } else if (moved == 0 && !blocking && op != Ops.SELECT) {
                outcome = Ops.WOULD_BLOCK;
            } else {
                outcome = Ops.OK;
            }
            int resourceKind = kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind;
            t.summary.add(op, resourceKind, buffer, moved, end - t.start);
            // A selector's wait is a loop waiting for work, and a map does no I/O of its own: neither is a call
            // that blocks the loop's work.
            boolean blockingEvent = blockingCall != null && blocking && op != Ops.SELECT && op != Ops.MAP;
            if (!r.recordsCalls() && !blockingEvent) {
                return;
            }
            int id = r.resources().idOf(t, resource, resourceKind);
            if (r.recordsCalls()) {
                if (op == Ops.CONNECT || op == Ops.FINISH_CONNECT) {
                    r.resources().redescribe(id, resourceKind, resource);
                }
                t.record(t.start, end - t.start, RecordingFormat.pack(op, outcome, buffer, blocking, id),
                        t.requested, moved, related);
            }
            BlockingEvents events = blockingEvents;
            if (blockingEvent && events != null) {
                events.commitCall(blockingCall, op, resourceKind, id, resource);
            }
        } finally {
            t.busy = false;
        }
    }

    /** Records a finished channel call; the channel's mode at the end of the call tells blocking from not. */
    public static void exitChannel(ThreadRecorder t, int op, Object channel, int buffer, long moved, long related,
                                   Throwable thrown) {
        if (t == null) {
            return;
        }
        boolean blocking = !(channel instanceof SelectableChannel sc) || sc.isBlocking();
        exit(t, op, Kinds.UNKNOWN, channel, blocking, buffer, moved, related, thrown);
    }

    /** Records a finished call on a file stream or {@code RandomAccessFile}: always blocking, always a byte[]. */
    public static void exitStream(ThreadRecorder t, int op, Object stream, long moved, Throwable thrown) {
        exit(t, op, Kinds.UNKNOWN, stream, true, Ops.HEAP_ARRAY, moved, 0, thrown);
    }

    /** The id under which {@code resource} is recorded, for linking an accepted connection to its accept. */
    public static long idOf(ThreadRecorder t, Object resource, int kind) {
        Recording r = recorder;
        if (t == null || r == null || resource == null) {
            return 0;
        }
        return r.resources().idOf(t, resource, kind);
    }

    /**
     * Records an event that has no duration of its own on the calling thread: the submission of an
     * asynchronous operation, or the start of its completion. It takes no guard, so that the completion
     * handler's own I/O is recorded too.
     */
    public static void point(int op, int kind, Object resource, long requested, long result, long related,
                             Throwable failure) {
        Recording r = recorder;
        if (r == null) {
            return;
        }
        ThreadRecorder t = current(r);
        if (t == null || t.busy) {
            return;
        }
        if (t.selfTest) {
            t.selfTestHits++;
            return;
        }
        long now = System.nanoTime();
        int resourceKind = resource == null ? CallSummary.NO_KIND : kind == Kinds.UNKNOWN ? Kinds.of(resource) : kind;
        t.summary.add(op, resourceKind, Ops.BUFFER_NONE, 0, 0);
        if (!r.recordsCalls()) {
            return;
        }
        int id = resource == null ? 0 : r.resources().idOf(t, resource, resourceKind);
        int outcome = failure != null ? Ops.EXCEPTION : Ops.OK;
        t.record(now, 0, RecordingFormat.pack(op, outcome, Ops.BUFFER_NONE, false, id), requested, result,
                related);
    }

    /** The calling thread's recorder (registered on first use), null when not recording. */
    static ThreadRecorder currentThreadRecorder() {
        Recording r = recorder;
        return r == null ? null : current(r);
    }

    /** Bytes asked for at the start of the call in progress. */
    public static long requested(ThreadRecorder t) {
        return t.requested;
    }

    /** Identifies an asynchronous operation by what the JDK hands back at completion: handler and attachment. */
    public static long asyncKey(Object handler, Object attachment) {
        return System.identityHashCode(handler) * 31L + System.identityHashCode(attachment);
    }

    /** An asynchronous operation was submitted; the event's result field holds the operation submitted. */
    public static void asyncSubmit(int op, Object channel, long requested, long key) {
        point(Ops.ASYNC_SUBMIT, Kinds.UNKNOWN, channel, requested, op, key, null);
    }

    /**
     * Like {@link #asyncSubmit}, keyed by the Future. A Future the JDK hands back already completed (not a
     * {@code PendingFuture}, whose completion the hooks see on whichever thread sets it, possibly before this
     * runs) completed inside the call, so its completion is recorded here.
     */
    public static void asyncSubmitFuture(int op, Object channel, long requested, Future<?> future) {
        if (future == null) {
            return;
        }
        long key = System.identityHashCode(future);
        asyncSubmit(op, channel, requested, key);
        if (future.isDone() && !future.getClass().getName().equals("sun.nio.ch.PendingFuture")) {
            Object value = null;
            Throwable failure = null;
            try {
                value = future.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (Throwable e) {
                failure = e;
            }
            asyncComplete(key, value, failure);
        }
    }

    /**
     * An asynchronous operation completed on the calling thread. Bytes go to the result; an accepted or
     * connected channel's resource id goes to the requested field, which a completion does not otherwise use.
     */
    public static void asyncComplete(long key, Object value, Throwable failure) {
        Recording r = recorder;
        if (r == null) {
            return;
        }
        long result = value instanceof Number n ? n.longValue() : (failure == null ? 1 : 0);
        long channelId = 0;
        if (value != null && !(value instanceof Number)) {
            ThreadRecorder t = current(r);
            channelId = t == null ? 0 : idOf(t, value, Kinds.UNKNOWN);
        }
        point(Ops.ASYNC_COMPLETE, Kinds.UNKNOWN, null, channelId, result, key, failure);
    }

    // ---- helpers for advice ---------------------------------------------------------------------------

    public static int kindOf(ByteBuffer b) {
        if (b == null || !b.isDirect()) {
            return Ops.HEAP_BUFFER;
        }
        return MAPPED_FD != null && b instanceof MappedByteBuffer && MAPPED_FD.get(b) != null
                ? Ops.MAPPED_BUFFER : Ops.DIRECT_BUFFER;
    }

    /** A heap buffer anywhere in the array costs a copy, so it decides the kind. */
    public static int kindOf(ByteBuffer[] buffers, int offset, int length) {
        int kind = Ops.DIRECT_BUFFER;
        for (int i = offset; i < offset + length && i < buffers.length; i++) {
            int k = kindOf(buffers[i]);
            if (k == Ops.HEAP_BUFFER) {
                return k;
            }
            if (k == Ops.MAPPED_BUFFER) {
                kind = k;
            }
        }
        return kind;
    }

    public static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long sum = 0;
        for (int i = offset; i < offset + length && i < buffers.length; i++) {
            if (buffers[i] != null) {
                sum += buffers[i].remaining();
            }
        }
        return sum;
    }

    private static ThreadRecorder current(Recording r) {
        ThreadRecorder t = CURRENT.get();
        if (t != null && (t.owner == r || t.owner == null)) {
            return t;
        }
        return register(r);
    }

    private static ThreadRecorder register(Recording r) {
        Thread thread = Thread.currentThread();
        boolean virtual = thread.getClass().getName().equals("java.lang.VirtualThread");
        ThreadRecorder t = r.newThreadRecorder(thread, virtual);
        t.busy = true; // the OS thread id lookup below must not record itself
        CURRENT.set(t);
        try {
            t.osTid = virtual ? 0 : OsThreadId.current();
        } finally {
            t.busy = false;
        }
        // Only now: a writer that saw the recorder before its OS thread id was set wrote the thread's entry with 0.
        r.publish(t);
        return t;
    }

    private static VarHandle mappedBufferFd() {
        try {
            return MethodHandles.privateLookupIn(MappedByteBuffer.class, MethodHandles.lookup())
                    .findVarHandle(MappedByteBuffer.class, "fd", java.io.FileDescriptor.class);
        } catch (Throwable e) {
            return null;
        }
    }
}
