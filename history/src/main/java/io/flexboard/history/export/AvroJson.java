package io.flexboard.history.export;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes a decoded Avro record as a JSON object, led by its schema so that fields added to the events later
 * are exported without a change here. Field names are the schemas' snake_case names, with one exception: a
 * widget's {@code config_json} (JSON text in Avro) is written as {@code config}, the JSON object itself, as
 * the read models and the agent's metadata show it. Timestamps are ISO-8601 strings, bytes Base64.
 *
 * <p>The configuration is embedded as the text it is, not parsed and written again: command-api writes it with
 * Jackson from an object its widget rules validated, so it is JSON by construction, and re-parsing every
 * widget of every snapshot took about a third of the export's time. Text that is not even shaped like an
 * object is refused.
 */
final class AvroJson {

    static final String CONFIG_JSON = "config_json";
    private static final SerializedString CONFIG = new SerializedString("config");

    /** Per record schema, its field names already escaped: the generator copies them instead of encoding each time. */
    private final Map<Schema, SerializableString[]> names = new IdentityHashMap<>();

    /** A {@code config_json} that is not a JSON object; the command side never writes one. */
    static final class NotJsonException extends RuntimeException {
        NotJsonException(String message) {
            super(message);
        }
    }

    void writeRecord(JsonGenerator out, IndexedRecord record) {
        Schema schema = record.getSchema();
        List<Schema.Field> fields = schema.getFields();
        SerializableString[] fieldNames = names.computeIfAbsent(schema, AvroJson::fieldNames);
        out.writeStartObject();
        for (Schema.Field field : fields) {
            Object value = record.get(field.pos());
            if (field.name().equals(CONFIG_JSON) && value instanceof CharSequence text) {
                out.writeName(CONFIG);
                out.writeRawValue(jsonObject(text.toString()));
            } else {
                out.writeName(fieldNames[field.pos()]);
                writeValue(out, field.schema(), value);
            }
        }
        out.writeEndObject();
    }

    private void writeValue(JsonGenerator out, Schema schema, Object value) {
        switch (schema.getType()) {
            case RECORD -> writeRecord(out, (IndexedRecord) value);
            case UNION -> {
                if (value == null) {
                    out.writeNull();
                } else {
                    writeValue(out, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value);
                }
            }
            case ARRAY -> {
                out.writeStartArray();
                for (Object element : (Iterable<?>) value) {
                    writeValue(out, schema.getElementType(), element);
                }
                out.writeEndArray();
            }
            case MAP -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.writeName(entry.getKey().toString());
                    writeValue(out, schema.getValueType(), entry.getValue());
                }
                out.writeEndObject();
            }
            case STRING, ENUM -> out.writeString(value.toString());
            case INT -> out.writeNumber(((Number) value).intValue());
            case LONG -> {
                // Generated classes hand timestamp-millis over as Instant.
                if (value instanceof Instant instant) {
                    out.writeString(instant.toString());
                } else {
                    out.writeNumber(((Number) value).longValue());
                }
            }
            case FLOAT -> out.writeNumber(((Number) value).floatValue());
            case DOUBLE -> out.writeNumber(((Number) value).doubleValue());
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case NULL -> out.writeNull();
            case BYTES -> out.writeString(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
            case FIXED -> out.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
        }
    }

    private static String jsonObject(String text) {
        String json = text.strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new NotJsonException("config_json is not a JSON object: " + (json.length() > 40 ? json.substring(0, 40) + "..." : json));
        }
        return json;
    }

    private static SerializableString[] fieldNames(Schema schema) {
        SerializableString[] result = new SerializableString[schema.getFields().size()];
        for (Schema.Field field : schema.getFields()) {
            result[field.pos()] = new SerializedString(field.name());
        }
        return result;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
