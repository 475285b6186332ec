package io.iotrace.analyzers.event;

import java.util.HashMap;
import java.util.Map;

/** What a syscall does for I/O, the grouping the classifiers and copy figures work on. */
public enum SyscallCategory {
    /** Copies data from the kernel into a user buffer. */
    READ("read", "readv", "pread64", "preadv", "preadv2", "recv", "recvfrom", "recvmsg", "recvmmsg"),
    /** Copies data from a user buffer into the kernel. */
    WRITE("write", "writev", "pwrite64", "pwritev", "pwritev2", "send", "sendto", "sendmsg", "sendmmsg"),
    /** Moves data between descriptors without a user-space copy. */
    ZERO_COPY("sendfile", "sendfile64", "splice", "copy_file_range", "tee"),
    ACCEPT("accept", "accept4"),
    CONNECT("connect"),
    SELECT("select", "_newselect", "pselect6"),
    POLL("poll", "ppoll"),
    EPOLL_WAIT("epoll_wait", "epoll_pwait", "epoll_pwait2"),
    EPOLL_SETUP("epoll_create", "epoll_create1", "epoll_ctl"),
    /**
     * The io_uring syscalls, and the io_uring tracepoints perf records for what they do: a ring created, an
     * operation submitted, one completed (strace sees only the syscalls).
     */
    IO_URING("io_uring_setup", "io_uring_enter", "io_uring_register",
            "io_uring_create", "io_uring_submit_req", "io_uring_complete"),
    LINUX_AIO("io_setup", "io_submit", "io_getevents", "io_pgetevents", "io_cancel", "io_destroy"),
    /** Waits for a signal rather than for a descriptor. */
    SIGNAL_WAIT("pause", "sigsuspend", "rt_sigsuspend", "rt_sigtimedwait", "sigwaitinfo"),
    CONTROL("fcntl", "fcntl64", "ioctl"),
    MMAP("mmap", "mmap2"),
    /** Creates a process or a thread. */
    SPAWN("clone", "clone3", "fork", "vfork"),
    /** Waits for and wakes other threads: how a thread pool hands work and results back. */
    FUTEX("futex", "futex_waitv"),
    OPEN("open", "openat", "openat2", "creat", "socket", "socketpair", "pipe", "pipe2"),
    OTHER();

    private static final Map<String, SyscallCategory> BY_NAME = new HashMap<>();

    static {
        for (SyscallCategory category : values()) {
            for (String name : category.names) {
                BY_NAME.put(name, category);
            }
        }
    }

    private final String[] names;

    SyscallCategory(String... names) {
        this.names = names;
    }

    public static SyscallCategory of(String syscall) {
        return BY_NAME.getOrDefault(syscall, OTHER);
    }

    /** A wait for readiness of descriptors: the heart of multiplexing. */
    public boolean isReadinessWait() {
        return this == SELECT || this == POLL || this == EPOLL_WAIT;
    }

    /** A call whose EAGAIN means the descriptor was in non-blocking mode and had nothing to give or take. */
    public boolean isNonBlockingEvidence() {
        return movesData() || this == ACCEPT || this == CONNECT;
    }

    /** A call that moves payload bytes (counted in the copy figures). */
    public boolean movesData() {
        return this == READ || this == WRITE || this == ZERO_COPY;
    }
}
