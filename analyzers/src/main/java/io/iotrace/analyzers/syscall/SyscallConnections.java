package io.iotrace.analyzers.syscall;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of a syscall log told apart, from each thread's {@link ConnectionTrail}: a descriptor number of a
 * process is one connection from the accept, connect or socket call that made it to the next such call on the same
 * number (a close frees the number, and only such a call makes a socket of it again). A thread's run of data calls
 * on a number was on the connections that number stood for while it ran. A child process inherits its parent's
 * descriptors at the fork: a number it uses before starting one of its own is the parent's connection at that point.
 * A number used before any start the log shows (open when strace attached, one end of a socketpair, or passed over a
 * Unix socket) is one connection from before the log, neither accepted nor opened: as in a recording, a server's
 * connections are the ones it was seen to accept.
 */
final class SyscallConnections {
    /** The connections of one thread, by id. */
    record OfThread(Set<Integer> accepted, Set<Integer> opened, Set<Integer> touched, Set<Integer> nonBlocking) {
        static final OfThread NONE = new OfThread(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Where a child process came from: its parent process and where in the log the fork returned. */
    record Fork(int parentPid, long ordinal) {
    }

    private record Start(long ordinal, int kind, int tid) {
    }

    /** Per process, per descriptor, the starts in log order, and each start's connection id alongside. */
    private final Map<Integer, Map<Integer, List<Start>>> starts = new HashMap<>();
    private final Map<Integer, Map<Integer, int[]>> ids = new HashMap<>();
    private final Map<Integer, Set<Integer>> acceptedBy = new HashMap<>();
    private final Map<Integer, Set<Integer>> openedBy = new HashMap<>();
    /** By process and descriptor, the connection from before the log. */
    private final Map<Long, Integer> fromBefore = new HashMap<>();
    private final Set<Integer> serverConnections = new HashSet<>();
    private final Map<Integer, Fork> forks;
    private int nextId;

    private SyscallConnections(Map<Integer, Fork> forks) {
        this.forks = forks;
    }

    /**
     * @param byProcess each process's threads (folded groups left out: their trails are gone)
     * @param forks     by child pid, its fork, when the log shows it
     */
    static SyscallConnections of(Map<Integer, List<ThreadActivity>> byProcess, Map<Integer, Fork> forks) {
        SyscallConnections connections = new SyscallConnections(forks);
        byProcess.forEach(connections::addStarts);
        return connections;
    }

    /** One thread on its own, when the starts of the rest of its process are not known yet. */
    static SyscallConnections alone(ThreadActivity thread) {
        return of(Map.of(thread.tid, List.of(thread)), Map.of());
    }

    private void addStarts(int pid, List<ThreadActivity> threads) {
        Map<Integer, List<Start>> byFd = starts.computeIfAbsent(pid, p -> new HashMap<>());
        for (ThreadActivity thread : threads) {
            ConnectionTrail trail = thread.connections;
            trail.endRuns();
            for (int r = 0; r < trail.records(); r++) {
                if (trail.kind(r) != ConnectionTrail.USED) {
                    byFd.computeIfAbsent(trail.fd(r), fd -> new ArrayList<>())
                            .add(new Start(trail.first(r), trail.kind(r), thread.tid));
                }
            }
        }
        Map<Integer, int[]> idsByFd = ids.computeIfAbsent(pid, p -> new HashMap<>());
        byFd.forEach((fd, list) -> {
            list.sort(Comparator.comparingLong(Start::ordinal));
            int[] idOf = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                Start start = list.get(i);
                // socket() then connect() on the number is one connection, opened by the thread that connected.
                boolean connectsTheNewSocket = start.kind() == ConnectionTrail.CONNECTED && i > 0
                        && list.get(i - 1).kind() == ConnectionTrail.CREATED;
                idOf[i] = connectsTheNewSocket ? idOf[i - 1] : nextId++;
                if (start.kind() == ConnectionTrail.ACCEPTED) {
                    acceptedBy.computeIfAbsent(start.tid(), t -> new HashSet<>()).add(idOf[i]);
                    serverConnections.add(idOf[i]);
                } else if (start.kind() == ConnectionTrail.CONNECTED) {
                    openedBy.computeIfAbsent(start.tid(), t -> new HashSet<>()).add(idOf[i]);
                }
            }
            idsByFd.put(fd, idOf);
        });
    }

    /** The connections the program accepted. */
    Set<Integer> serverConnections() {
        return serverConnections;
    }

    /**
     * @param pid         the thread's process
     * @param nonBlocking the descriptors of the process in non-blocking mode
     */
    OfThread of(int pid, ThreadActivity thread, BitSet nonBlocking) {
        Set<Integer> touched = new HashSet<>();
        Set<Integer> selectable = new HashSet<>();
        ConnectionTrail trail = thread.connections;
        for (int r = 0; r < trail.records(); r++) {
            if (trail.kind(r) == ConnectionTrail.USED) {
                Set<Integer> on = nonBlocking.get(trail.fd(r)) ? selectable : null;
                resolve(pid, trail.fd(r), trail.first(r), trail.last(r), touched, on);
            }
        }
        return new OfThread(acceptedBy.getOrDefault(thread.tid, Set.of()),
                openedBy.getOrDefault(thread.tid, Set.of()), touched, selectable);
    }

    /** Adds the connections number {@code fd} of process {@code pid} stood for between {@code first} and {@code last}. */
    private void resolve(int pid, int fd, long first, long last, Set<Integer> into, Set<Integer> alsoInto) {
        List<Start> list = starts.getOrDefault(pid, Map.of()).get(fd);
        int[] idOf = list == null ? null : ids.get(pid).get(fd);
        int k = list == null ? -1 : lastStartAtOrBefore(list, first);
        add(k < 0 ? fromBefore(pid, fd, first) : idOf[k], into, alsoInto);
        for (int j = k + 1; list != null && j < list.size() && list.get(j).ordinal() <= last; j++) {
            add(idOf[j], into, alsoInto);
        }
    }

    private static void add(int id, Set<Integer> into, Set<Integer> alsoInto) {
        into.add(id);
        if (alsoInto != null) {
            alsoInto.add(id);
        }
    }

    /**
     * The connection number {@code fd} stood for at {@code ordinal} when the process started none on it before.
     * Synchronized: the processes of one depth are classified in parallel, and this is the one lookup that adds.
     */
    private synchronized int fromBefore(int pid, int fd, long ordinal) {
        Fork fork = forks.get(pid);
        if (fork != null && fork.ordinal() <= ordinal) {
            List<Start> list = starts.getOrDefault(fork.parentPid(), Map.of()).get(fd);
            int k = list == null ? -1 : lastStartAtOrBefore(list, fork.ordinal());
            return k >= 0 ? ids.get(fork.parentPid()).get(fd)[k] : fromBefore(fork.parentPid(), fd, fork.ordinal());
        }
        return fromBefore.computeIfAbsent((long) pid << 32 | fd & 0xFFFFFFFFL, key -> nextId++);
    }

    private static int lastStartAtOrBefore(List<Start> list, long ordinal) {
        int low = 0;
        int high = list.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (list.get(mid).ordinal() <= ordinal) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
