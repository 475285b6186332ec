package io.iotrace.cli.ps;

import com.sun.tools.attach.VirtualMachineDescriptor;
import io.iotrace.cli.attach.ProcessFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM on this host, as {@code iotrace ps} lists it.
 *
 * @param pid            process id
 * @param user           its owner
 * @param main           main class or jar, as the JVM announces itself
 * @param javaVersion    the JDK's version from its {@code release} file, "?" when it cannot be read
 * @param uptimeSeconds  since the process started, -1 when unknown
 * @param threads        threads, -1 when unknown
 * @param rssBytes       resident memory, -1 when unknown
 * @param readBytes      bytes its read calls returned so far (files, sockets, pipes), -1 when unknown
 * @param writtenBytes   bytes its write calls took so far, -1 when unknown
 * @param cannotAttach   why {@code iotrace attach} would fail, null when it should work
 */
public record JvmEntry(long pid, String user, String main, String javaVersion, long uptimeSeconds, int threads,
                       long rssBytes, long readBytes, long writtenBytes, String cannotAttach) {
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

    /**
     * The JVMs on this host except this one: those that announce themselves ({@code listed}), and the processes
     * of a {@code java} launcher that do not (attach disabled, or -XX:-UsePerfData), named from their command line.
     */
    public static List<JvmEntry> listAll(Map<Long, VirtualMachineDescriptor> listed) {
        Map<Long, String> names = new TreeMap<>();
        listed.forEach((pid, d) -> names.put(pid, d.displayName()));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/java")).orElse(false))
                .forEach(p -> names.putIfAbsent(p.pid(), mainFromArguments(p.info().arguments().orElse(new String[0]))));
        List<JvmEntry> entries = new ArrayList<>();
        int me = ProcessFacts.currentUid();
        names.forEach((pid, name) -> {
            if (pid != ProcessHandle.current().pid()) {
                ProcessFacts.of(pid).ifPresent(facts -> entries.add(of(facts, name, me)));
            }
        });
        return entries;
    }

    /** The main class or jar of a {@code java} command line: the first argument that is no option or its value. */
    private static String mainFromArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-jar") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path") || a.equals("-p")
                    || a.equals("--module-path") || a.equals("--add-opens") || a.equals("--add-exports")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    static JvmEntry of(ProcessFacts facts, String displayName, int me) {
        String version = javaVersion(facts.pid());
        Duration uptime = facts.uptime();
        String main = displayName.isBlank() ? "?" : displayName.split(" ")[0];
        return new JvmEntry(facts.pid(), facts.user(), main, version, uptime == null ? -1 : uptime.toSeconds(),
                facts.threads(), facts.rssBytes(), facts.readBytes(), facts.writtenBytes(),
                whyNot(facts, version, me));
    }

    private static String whyNot(ProcessFacts facts, String version, int me) {
        if (facts.uid() != me && me != 0) {
            return "JVM of user " + facts.user() + ": run iotrace as " + facts.user() + " or root";
        }
        String options = jvmOptions(facts.pid());
        if (options.contains("-XX:+DisableAttachMechanism")) {
            return "attach disabled (-XX:+DisableAttachMechanism)";
        }
        if (options.contains("-XX:-EnableDynamicAgentLoading")) {
            return "dynamic agent loading disabled (-XX:-EnableDynamicAgentLoading)";
        }
        int feature = feature(version);
        if (feature > 0 && feature < 17) {
            return "Java " + version + ": iotrace attaches to Java 17 or newer";
        }
        return null;
    }

    /** The command line and the options JVMs read from the environment, as one string. */
    private static String jvmOptions(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        StringBuilder all = new StringBuilder();
        for (String file : new String[] {"cmdline", "environ"}) {
            try {
                all.append(new String(Files.readAllBytes(dir.resolve(file))).replace('\0', ' ')).append(' ');
            } catch (IOException | SecurityException e) {
                // Another user's: its owner check says enough.
            }
        }
        return all.toString();
    }

    private static String javaVersion(long pid) {
        Optional<Path> home = Optional.empty();
        try {
            home = Optional.ofNullable(Path.of("/proc", Long.toString(pid), "exe").toRealPath().getParent())
                    .map(Path::getParent);
        } catch (IOException | SecurityException e) {
            // Not ours to read.
        }
        if (home.isPresent()) {
            try {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(home.get().resolve("release")));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException e) {
                // A JDK without a release file.
            }
        }
        return "?";
    }

    private static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        try {
            return Integer.parseInt(v.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
