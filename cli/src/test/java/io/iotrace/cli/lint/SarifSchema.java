package io.iotrace.cli.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 JSON schema, shipped unchanged in the test resources, with its {@code format}s asserted too.
 *
 * <p>One upstream defect is set aside as the schema is loaded: {@code definitions/region/properties} holds an
 * {@code anyOf} array, meant as a constraint on the region but written as if it were a property of that name, which is
 * not a schema at all, so the validator refuses the whole file. Dropping that entry loses nothing a log could satisfy.
 */
final class SarifSchema {
    private static final String RESOURCE = "/sarif/sarif-schema-2.1.0.json";
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    /** What the schema says is wrong with {@code json}, one line per error; empty when the log is valid. */
    static List<String> violationsOf(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            ObjectNode regionProperties = (ObjectNode) schema.at("/definitions/region/properties");
            if (!regionProperties.path("anyOf").isArray()) {
                throw new IllegalStateException(RESOURCE + ": the region's misplaced anyOf is gone; drop this repair");
            }
            regionProperties.remove("anyOf");
            return registry.getSchema(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }
}
