package io.iotrace.cli.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotrace.cli.testing.CliRun;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * iotrace on the corpus of real programs ({@code corpus/}): for each program and each of its recorded sources (the
 * strace log, the agent's recording, lint), the labels written in its {@code expected.properties} before iotrace
 * ever saw it must come out, and the whole report must equal its approved golden file beside this test. A miss
 * listed in {@code corpus/known-misses.tsv} must still be a miss, so the list cannot go stale. Run with
 * {@code -Diotrace.approve=true} to write the golden files after reading their diff.
 */
class CorpusTest {
    private static final Path CORPUS = CorpusFiles.CORPUS;
    private static final Path GOLDEN = Path.of("src/test/resources/io/iotrace/cli/corpus");
    private static final boolean APPROVE = Boolean.getBoolean("iotrace.approve");

    /** The README's table of the corpus: one row per program, under this heading. */
    private static final Path README = CORPUS.resolveSibling("README.md");
    private static final String TABLE_HEADING = "| program | expected (model / mechanism / architecture) |";

    @TempDir
    static Path unpacked;

    /** What iotrace answered, by program and source, for the README's table. */
    private static final Map<String, String> answers = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyProgramGetsItsExpectedLabelsAndItsApprovedReport() throws IOException {
        Map<String, String> knownMisses = knownMisses();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.find(CORPUS, 3, (p, a) -> p.endsWith("expected.properties"))) {
            for (Path expectedFile : files.sorted().toList()) {
                Path program = expectedFile.getParent();
                String name = program.getFileName().toString();
                Properties expected = load(expectedFile);
                if (Files.exists(program.resolve("strace.log.xz"))) {
                    tests.add(DynamicTest.dynamicTest(name + " from its strace log", () -> checkLabels(name, "strace",
                            program.resolve("strace.log.xz"), expected, knownMisses)));
                }
                if (Files.exists(program.resolve("recording.iotrace.xz"))) {
                    tests.add(DynamicTest.dynamicTest(name + " from its recording", () -> checkLabels(name,
                            "recording", program.resolve("recording.iotrace.xz"), expected, knownMisses)));
                }
                if (Files.exists(program.resolve("recording.jfr.xz")) && expected.getProperty("lint") != null) {
                    tests.add(DynamicTest.dynamicTest(name + " under lint", () -> checkLint(name, program, expected,
                            knownMisses)));
                }
            }
        }
        assertTrue(tests.size() >= 30, "the corpus has " + tests.size() + " checks; is " + CORPUS + " there?");
        // Last, once every answer is in: the table a newcomer reads must say what the checks above found.
        tests.add(DynamicTest.dynamicTest("the README's table says what iotrace answered", () -> checkReadmeTable()));
        return tests.stream();
    }

    /**
     * Each program's row: the expected labels (and lint verdict), then per source ✓ when iotrace gave them, else
     * what it said; empty where the program has no such source.
     */
    private static void checkReadmeTable() throws IOException {
        List<String> want = new ArrayList<>();
        try (Stream<Path> files = Files.find(CORPUS, 3, (p, a) -> p.endsWith("expected.properties"))) {
            for (Path expectedFile : files.sorted().toList()) {
                String name = expectedFile.getParent().getFileName().toString();
                Properties expected = load(expectedFile);
                String labels = labels(expected.getProperty("ioModel"), expected.getProperty("mechanism", ""),
                        expected.getProperty("architecture"));
                String lint = expected.getProperty("lint");
                want.add("| " + name + " | " + labels + (lint == null ? "" : " (lint: " + lint + ")") + " | "
                        + cell(name, "strace", labels) + " | " + cell(name, "recording", labels) + " | "
                        + cell(name, "lint", lint) + " |");
            }
        }
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        int heading = readme.stream().filter(l -> l.startsWith(TABLE_HEADING)).findFirst().map(readme::indexOf)
                .orElseThrow(() -> new AssertionError("no corpus table in " + README));
        List<String> rows = readme.subList(heading + 2, readme.size()).stream()
                .takeWhile(l -> l.startsWith("| ")).toList();
        assertEquals(want.stream().sorted().toList(), rows.stream().sorted().toList(),
                "the corpus table in " + README + " (rows in any order)");
    }

    private static String cell(String name, String source, String expected) {
        String got = answers.get(name + "\t" + source);
        if (got == null) {
            return "";
        }
        if (!got.equals(expected)) {
            return got;
        }
        return source.equals("lint") ? "✓ " + got : "✓";
    }

    private static void checkLabels(String name, String source, Path packed, Properties expected,
                                    Map<String, String> knownMisses) throws Exception {
        Path file = unpack(packed, name + (source.equals("strace") ? ".strace.log" : ".iotrace"));
        CliRun json = CliRun.of("analyze", "--format", "json", file.toString());
        assertEquals(0, json.exitCode(), json.err());
        JsonNode document = new ObjectMapper().readTree(json.out());
        JsonNode process = document.get("processes").get(0);
        String got = labels(process.path("ioModel").asText(), process.path("mechanism").asText(""),
                process.path("architecture").asText());
        String want = labels(expected.getProperty("ioModel"), expected.getProperty("mechanism", ""),
                expected.getProperty("architecture"));
        answers.put(name + "\t" + source, got);
        String miss = knownMisses.get(name + "\t" + source);
        if (miss == null) {
            assertEquals(want, got, name + " from its " + source);
        } else {
            assertNotEquals(want, got, name + " from its " + source + " is right now: take it off known-misses.tsv ("
                    + miss + ")");
        }
        CliRun text = CliRun.of("analyze", file.toString());
        approve(name + "." + source + ".txt", text.out().replace(file.toString(), file.getFileName().toString()));
    }

    private static void checkLint(String name, Path program, Properties expected, Map<String, String> knownMisses)
            throws Exception {
        Path recording = unpack(program.resolve("recording.iotrace.xz"), name + "-lint/recording.iotrace");
        unpack(program.resolve("recording.jfr.xz"), name + "-lint/recording.jfr");
        CliRun lint = CliRun.of("lint", recording.toString());
        String got = switch (lint.exitCode()) {
            case 0 -> "clean";
            case 1 -> "findings";
            default -> "error " + lint.exitCode() + ": " + lint.err();
        };
        answers.put(name + "\tlint", got);
        String miss = knownMisses.get(name + "\tlint");
        if (miss == null) {
            assertEquals(expected.getProperty("lint"), got, name + " under lint:\n" + lint.out());
        } else {
            assertNotEquals(expected.getProperty("lint"), got, name + " under lint is right now: take it off"
                    + " known-misses.tsv (" + miss + ")");
        }
        approve(name + ".lint.txt", lint.out().replace(recording.getParent().toString(), name));
    }

    private static String labels(String model, String mechanism, String architecture) {
        return model + " / " + (mechanism.isEmpty() || mechanism.equals("null") ? "-" : mechanism) + " / "
                + architecture;
    }

    /** Compares with the approved report, or (approving) writes it. */
    private static void approve(String goldenName, String actual) throws IOException {
        Path golden = GOLDEN.resolve(goldenName);
        if (APPROVE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "no approved report " + golden + ": run with -Diotrace.approve=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "the report differs from " + golden);
    }

    private static Path unpack(Path packed, String as) throws Exception {
        return CorpusFiles.unpack(packed, unpacked.resolve(as));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** {@code program<TAB>source<TAB>why} lines; # starts a comment. */
    private static Map<String, String> knownMisses() throws IOException {
        Map<String, String> misses = new HashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("known-misses.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            misses.put(fields[0] + "\t" + fields[1], fields.length > 2 ? fields[2] : "");
        }
        return misses;
    }
}
