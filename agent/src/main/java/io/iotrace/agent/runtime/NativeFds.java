package io.iotrace.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The resource standing for each descriptor number a native transport uses. An accept or a connect starts a new
 * connection on its number (the kernel reuses the number of a closed descriptor), so it gets a new resource; so does
 * a number used as another kind than before. Reads take no lock: one acquiring array read.
 */
final class NativeFds {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(NativeFd[].class);
    private static final Object GROWTH = new Object();
    private static volatile NativeFd[] byNumber = new NativeFd[1024];

    private NativeFds() {
    }

    static NativeFd current(int fd, int kind, String transport) {
        NativeFd[] table = byNumber;
        if (fd >= 0 && fd < table.length) {
            NativeFd known = (NativeFd) SLOT.getAcquire(table, fd);
            if (known != null && known.kind == kind) {
                return known;
            }
        }
        return fresh(fd, kind, transport);
    }

    /** The kind the descriptor was last used as, or {@code fallback} when it was not seen yet. */
    static int kindOf(int fd, int fallback) {
        NativeFd[] table = byNumber;
        if (fd >= 0 && fd < table.length) {
            NativeFd known = (NativeFd) SLOT.getAcquire(table, fd);
            if (known != null) {
                return known.kind;
            }
        }
        return fallback;
    }

    static NativeFd fresh(int fd, int kind, String transport) {
        NativeFd made = new NativeFd(fd, kind, transport);
        if (fd < 0) {
            return made;
        }
        NativeFd[] table = byNumber;
        if (fd >= table.length) {
            synchronized (GROWTH) {
                table = byNumber;
                if (fd >= table.length) {
                    table = Arrays.copyOf(table, Math.max(fd + 1, table.length * 2));
                    byNumber = table;
                }
            }
        }
        SLOT.setRelease(table, fd, made);
        if (table != byNumber) {
            // Grown meanwhile by another thread, whose copy may have missed this store.
            SLOT.setRelease(byNumber, fd, made);
        }
        return made;
    }
}
