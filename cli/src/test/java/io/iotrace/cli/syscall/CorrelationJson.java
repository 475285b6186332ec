package io.iotrace.cli.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reads one entry of a JSON report's {@code correlations}, for the tests that run a tracer beside the agent. */
final class CorrelationJson {
    private static final Set<String> SOCKET_READS = Set.of("read", "recvfrom");

    private CorrelationJson() {
    }

    /** The calls of one operation, buffer and resource kind; fails when there were none. */
    static JsonNode calls(JsonNode correlation, String operation, String buffer, String resource) {
        for (JsonNode call : correlation.get("calls")) {
            if (call.get("operation").asText().equals(operation) && call.get("buffer").asText().equals(buffer)
                    && call.get("resource").asText().equals(resource)) {
                return call;
            }
        }
        throw new AssertionError("no " + operation + " " + buffer + " " + resource + " calls in " + correlation);
    }

    /** Asserts that every call made exactly one socket read syscall and returns how many calls there were. */
    static long everyCallMadeOneSocketRead(JsonNode calls) {
        long matched = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = calls.get("perCall").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pattern = it.next();
            assertTrue(SOCKET_READS.contains(pattern.getKey()), pattern.getKey() + " in " + calls);
            matched += pattern.getValue().asLong();
        }
        assertEquals(calls.get("calls").asLong(), matched, calls.toString());
        return matched;
    }
}
