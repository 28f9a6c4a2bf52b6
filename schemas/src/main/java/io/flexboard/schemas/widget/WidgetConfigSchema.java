package io.flexboard.schemas.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

/**
 * A widget's {@code config} checked against {@code widget-config.schema.json} (the single source, read
 * from the classpath) and the cross-field rules a schema cannot say, so command-api and the agent refuse
 * exactly the same configs. Thread-safe: the compiled schema is shared.
 */
public final class WidgetConfigSchema {

    /** The schema's place on the classpath, for every user of the one schema. */
    public static final String RESOURCE = "/io/flexboard/schemas/widget-config.schema.json";

    /** The schema's pattern for text that must hold more than white space. */
    private static final String BLANK = "\\S";
    private static final Schema SCHEMA = load();

    private WidgetConfigSchema() {
    }

    /** Every offending field of {@code config}, in the schema's order then the cross-field rules'; empty when valid. */
    public static List<ConfigViolation> violations(JsonNode config) {
        // One finding per field, the first: "" breaks both minLength and the non-blank pattern.
        Map<String, ConfigViolation> byPath = new LinkedHashMap<>();
        for (Error error : SCHEMA.validate(config)) {
            String path = pathOf(error);
            byPath.putIfAbsent(path, new ConfigViolation(path, messageOf(error)));
        }
        // The cross-field rules read filters, queries, axes and the layout; on a config the schema refused
        // they would only repeat its findings in other words.
        if (byPath.isEmpty()) {
            List<ConfigViolation> crossField = new ArrayList<>(FilterPlaceholders.violations(config));
            crossField.addAll(ChartConfigRules.violations(config));
            crossField.addAll(LayoutRule.violations(config));
            return crossField;
        }
        return new ArrayList<>(byPath.values());
    }

    private static Schema load() {
        try (InputStream in = WidgetConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            // English whatever the machine's locale: the messages reach the builder and the sync report.
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            Schema schema = registry.getSchema(SchemaLocation.of("https://flexboard.io/schemas/widget-config.schema.json"),
                    in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The instance location, plus the property a {@code required} or {@code additionalProperties} error is about. */
    private static String pathOf(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            appendElement(path, at.getElement(i));
        }
        String keyword = error.getKeyword();
        if (error.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword))) {
            appendElement(path, error.getProperty());
        }
        return path.toString();
    }

    private static void appendElement(StringBuilder path, Object element) {
        if (element instanceof Integer index) {
            path.append('[').append(index).append(']');
        } else {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(element);
        }
    }

    /** The validator's wording, but said the way command-api says it where the validator's is obscure. */
    private static String messageOf(Error error) {
        return switch (error.getKeyword()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a property the schema knows here";
            // The schema's only false subschemas: the fields another dataSource.type uses.
            case "false" -> "is not used by this dataSource.type";
            case "enum" -> "must be one of " + enumValues(error.getSchemaNode());
            case "pattern" -> BLANK.equals(error.getSchemaNode().stringValue()) ? "must not be blank"
                    : "must match " + error.getSchemaNode().stringValue();
            // The schema writes integer bounds as decimals (see its $comment); the builder reads them whole.
            case "minimum" -> "must be at least " + plain(error.getSchemaNode());
            case "maximum" -> "must be at most " + plain(error.getSchemaNode());
            default -> error.getMessage();
        };
    }

    private static String plain(JsonNode bound) {
        return bound.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** Sorted, as command-api listed the types before the schema (the builder shows this text on its Type field). */
    private static String enumValues(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.isString() ? value.stringValue() : value.toString()));
        return String.join(", ", texts.stream().sorted().toList());
    }
}
