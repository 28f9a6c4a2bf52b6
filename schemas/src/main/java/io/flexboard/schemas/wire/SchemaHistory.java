package io.flexboard.schemas.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Every schema ever written to a Flexboard topic, oldest first, per record type.
 *
 * <p>Topics keep records long (the events topic forever), so a reader must be able to resolve bytes
 * written by any earlier schema. Each released schema is kept verbatim under {@code history/} and
 * listed in {@code history/<Record>.index}; the build's tests fail when the current schema is not the
 * newest entry or cannot read an older one.
 */
public final class SchemaHistory {

    private static final String ROOT = "/io/flexboard/schemas/history/";

    private SchemaHistory() {
    }

    /** The envelope schemas in release order; the last one equals the generated classes' schema. */
    public static List<Schema> envelopeSchemas() {
        return released("EventEnvelope");
    }

    /** The agent sync report schemas in release order; the last one equals the generated classes' schema. */
    public static List<Schema> syncReportSchemas() {
        return released("AgentSyncReport");
    }

    private static List<Schema> released(String record) {
        List<Schema> schemas = new ArrayList<>();
        for (String file : read(record + ".index").split("\\R")) {
            if (!file.isBlank() && !file.startsWith("#")) {
                schemas.add(new Schema.Parser().parse(read(file.trim())));
            }
        }
        return List.copyOf(schemas);
    }

    private static String read(String name) {
        try (InputStream in = SchemaHistory.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("schema history file missing: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
