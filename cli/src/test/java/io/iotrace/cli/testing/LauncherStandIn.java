package io.iotrace.cli.testing;

import io.iotrace.cli.IoTraceCli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The project's real {@code iotrace} launcher script, set up in a directory of its own beside a stand-in
 * {@code cli/target/iotrace-cli.jar}. The shaded CLI jar is built only at {@code package}, after the tests; the
 * stand-in is a manifest-only jar whose class path names the classes under test, so the script runs them exactly as
 * it runs the shaded jar ({@code java -jar}).
 */
public final class LauncherStandIn {
    private LauncherStandIn() {
    }

    /** Sets the launcher up under {@code directory} and returns the script's path. */
    public static Path create(Path directory) throws IOException {
        Path script = directory.resolve("iotrace");
        Files.copy(BuiltJars.projectRoot().resolve("iotrace"), script, StandardCopyOption.REPLACE_EXISTING);
        script.toFile().setExecutable(true);
        Path jar = Files.createDirectories(directory.resolve("cli/target")).resolve("iotrace-cli.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, IoTraceCli.class.getName());
        List<String> classpath = new ArrayList<>();
        for (Path entry : CliProcess.classpath()) {
            classpath.add(entry.toUri().toString());
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classpath));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
        return script;
    }

    /** Starts {@code iotrace args...} through the launcher script, on the JDK that runs the tests. */
    public static RunningJava start(Path script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return RunningJava.of("iotrace", builder.start());
    }
}
