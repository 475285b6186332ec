package io.iotrace.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An {@code strace -f -ttt -T -yy} log of a thread-per-connection server traced for a long time: one acceptor
 * thread accepts each connection and starts a thread for it, which reads the request, writes the answer, closes
 * and exits. {@value #ALIVE} connection threads run at once, so their lines interleave and their reads are cut
 * in two ({@code <unfinished ...>} / {@code <... resumed>}) by the others'. The number of threads is the point:
 * what a day of such a server looks like to the parser, in a log that only grows with the threads.
 */
public final class ShortLivedThreadsLog {
    /** Connection threads alive at once. */
    static final int ALIVE = 8;
    /** The server process, which is also its acceptor thread. */
    public static final int SERVER_PID = 1000;
    /** The first connection thread's tid; the others follow. */
    public static final int FIRST_TID = 2000;

    private static final String CLONE = "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD"
            + "|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f79d13ff990,"
            + " parent_tid=0x7f79d13ff990, exit_signal=0, stack=0x7f79d1300000, stack_size=0xfef80,"
            + " tls=0x7f79d13ff6c0} => {parent_tid=[%d]}, 88) = %d <0.000050>";
    /** The lines of one connection thread, in order; {@code %1$d} is the descriptor, {@code %2$d} the port. */
    private static final String[] CONNECTION = {
            "read(%1$d<TCP:[127.0.0.1:8080->127.0.0.1:%2$d]>,  <unfinished ...>",
            "<... read resumed>\"GET /index.html HTTP/1.1\\r\\nHost: localhost\\r\\n\"..., 8192) = 78 <0.000210>",
            "write(%1$d<TCP:[127.0.0.1:8080->127.0.0.1:%2$d]>, \"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\"..., 40)"
                    + " = 40 <0.000030>",
            "close(%1$d<TCP:[127.0.0.1:8080->127.0.0.1:%2$d]>) = 0 <0.000012>",
            "exit(0)                                 = ?",
            "+++ exited with 0 +++",
    };

    private ShortLivedThreadsLog() {
    }

    /** Writes the log of a server that served {@code threads} connections, each on a thread of its own. */
    public static void write(Path out, int threads) throws IOException {
        long micros = 1_800_000_000L * 1_000_000;
        int[] step = new int[ALIVE];
        int[] tid = new int[ALIVE];
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII), 1 << 20)) {
            line(writer, SERVER_PID, micros, "execve(\"/usr/sbin/threaded-server\", [\"threaded-server\"],"
                    + " 0x7ffe8c2f4198 /* 3 vars */) = 0 <0.000900>");
            int started = 0;
            int finished = 0;
            while (finished < threads) {
                for (int slot = 0; slot < ALIVE; slot++) {
                    micros += 13;
                    if (tid[slot] == 0 && started < threads) {
                        int child = FIRST_TID + started++;
                        int fd = 10 + slot;
                        line(writer, SERVER_PID, micros, String.format(Locale.ROOT, "accept4(3<TCP:[127.0.0.1:8080]>,"
                                + " {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr(\"127.0.0.1\")}, [16],"
                                + " SOCK_CLOEXEC) = %d<TCP:[127.0.0.1:8080->127.0.0.1:%d]> <0.000100>",
                                port(child), fd, port(child)));
                        line(writer, SERVER_PID, micros + 5, String.format(Locale.ROOT, CLONE, child, child));
                        tid[slot] = child;
                        step[slot] = 0;
                    } else if (tid[slot] != 0) {
                        line(writer, tid[slot], micros, String.format(Locale.ROOT, CONNECTION[step[slot]],
                                10 + slot, port(tid[slot])));
                        if (++step[slot] == CONNECTION.length) {
                            tid[slot] = 0;
                            finished++;
                        }
                    }
                }
            }
            line(writer, SERVER_PID, micros + 100, "exit_group(0)                           = ?");
            line(writer, SERVER_PID, micros + 200, "+++ exited with 0 +++");
        }
    }

    private static int port(int tid) {
        return 10000 + tid % 50000;
    }

    private static void line(Writer writer, int tid, long micros, String call) throws IOException {
        writer.write(String.format(Locale.ROOT, "%d %d.%06d %s%n", tid, micros / 1_000_000, micros % 1_000_000, call));
    }
}
