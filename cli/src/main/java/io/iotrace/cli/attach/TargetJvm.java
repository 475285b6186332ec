package io.iotrace.cli.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process that iotrace may attach to: it exists, it is a JVM, and it runs as this user (or iotrace runs as
 * root). The check comes before any attach, because JDK 17's attach sends SIGQUIT to whatever the pid is, and a
 * process that is not a JVM dies of it.
 *
 * @param facts       what Linux says about the process
 * @param displayName the main class or jar and its arguments, as the JVM announces itself; empty until known
 */
public record TargetJvm(ProcessFacts facts, String displayName) {

    public static TargetJvm check(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachFailure("pid " + pid + " is this iotrace process itself");
        }
        ProcessFacts facts = ProcessFacts.of(pid)
                .orElseThrow(() -> new AttachFailure("no process with pid " + pid));
        // The listing reads every JVM's perf data, which costs a first attach a few hundred ms: it is needed
        // only when the memory maps cannot tell. The name then comes from the JVM itself (see named).
        VirtualMachineDescriptor listed = facts.mapsJvm() ? null : listed().get(pid);
        boolean jvm = facts.mapsJvm() || listed != null;
        int me = ProcessFacts.currentUid();
        if (facts.uid() != me && me != 0) {
            throw new AttachFailure("pid " + pid + (jvm ? " is a JVM of user " : " belongs to user ") + facts.user()
                    + ": iotrace can attach only to JVMs of its own user; run it as " + facts.user() + " or as root");
        }
        if (!jvm) {
            throw new AttachFailure("pid " + pid + " (" + commandName(pid) + ") is not a JVM");
        }
        return new TargetJvm(facts, listed != null ? listed.displayName() : "");
    }

    /** This JVM named by {@code command}, its {@code sun.java.command} (what the listing shows), if it had no name. */
    public TargetJvm named(String command) {
        return displayName.isEmpty() ? new TargetJvm(facts, command) : this;
    }

    public long pid() {
        return facts.pid();
    }

    /** The JVMs that announce themselves on this host (their {@code hsperfdata} files), by pid. */
    public static Map<Long, VirtualMachineDescriptor> listed() {
        Map<Long, VirtualMachineDescriptor> jvms = new LinkedHashMap<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            try {
                jvms.put(Long.parseLong(d.id()), d);
            } catch (NumberFormatException e) {
                // Not a local process id: nothing iotrace can attach to.
            }
        }
        return jvms;
    }

    private static String commandName(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().command())
                .map(c -> Path.of(c).getFileName().toString()).orElse("unknown command");
    }
}
