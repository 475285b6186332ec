package io.iotrace.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotrace.analyzers.event.BufferKind;
import io.iotrace.analyzers.event.Operation;
import io.iotrace.analyzers.event.Outcome;
import io.iotrace.analyzers.event.ResourceKind;
import io.iotrace.cli.testing.BuiltJars;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent writes codes from {@code io.iotrace.agent.runtime.Ops}; the analyzers read them into their enums. The two
 * tables are kept by hand on each side, so this test reads Ops from the built agent jar and compares them, name by
 * name, both ways.
 */
class WireCodesTest {
    private static Map<String, Integer> ops;

    @BeforeAll
    static void readOpsFromTheAgentJar() throws Exception {
        try (URLClassLoader agent = new URLClassLoader(new URL[] {BuiltJars.agentJar().toUri().toURL()}, null)) {
            Class<?> opsClass = Class.forName("io.iotrace.agent.runtime.Ops", false, agent);
            ops = new TreeMap<>();
            for (Field field : opsClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                    field.setAccessible(true);
                    ops.put(field.getName(), field.getInt(null));
                }
            }
        }
    }

    @Test
    void operationCodesAgree() {
        assertAgree(Operation.values(), Operation::code, Map.of());
    }

    @Test
    void resourceKindCodesAgree() {
        assertAgree(ResourceKind.values(), ResourceKind::code, Map.of());
    }

    @Test
    void bufferKindCodesAgree() {
        // Ops prefixes the one ambiguous name: NONE alone would not say of what.
        assertAgree(BufferKind.values(), BufferKind::code, Map.of("NONE", "BUFFER_NONE"));
    }

    @Test
    void outcomeCodesAgree() {
        assertAgree(Outcome.values(), Outcome::code, Map.of());
    }

    @Test
    void everyCodeTheAgentWritesHasAnAnalyzerConstant() {
        int total = Operation.values().length + ResourceKind.values().length + BufferKind.values().length
                + Outcome.values().length;
        assertEquals(total, ops.size(), "Ops declares " + ops.keySet());
    }

    private static <E extends Enum<E>> void assertAgree(E[] values, ToIntFunction<E> code,
                                                        Map<String, String> renamed) {
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> actual = new TreeMap<>();
        for (E value : values) {
            String name = renamed.getOrDefault(value.name(), value.name());
            actual.put(name, code.applyAsInt(value));
            expected.put(name, ops.get(name));
        }
        assertEquals(expected, actual, "agent's Ops (expected) against the analyzers' " + values[0].getClass().getSimpleName());
    }
}
