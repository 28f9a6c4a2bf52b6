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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a decoded Avro record as a JSON object, led by its schema so that fields added to the events later
 * are exported without a change here. Field names are the schemas' snake_case names, with one exception: a
 * widget's {@code config_json} (JSON text in Avro) is written as {@code config}, the JSON object itself, as
 * the read models and the agent's metadata show it. Timestamps are ISO-8601 strings, bytes Base64.
 */
final class AvroJson {

    static final String CONFIG_JSON = "config_json";
    private static final SerializedString CONFIG = new SerializedString("config");

    private final JsonFactory json;
    /** Per record schema, its field names already escaped: the generator copies them instead of encoding each time. */
    private final Map<Schema, SerializableString[]> names = new IdentityHashMap<>();

    AvroJson(JsonFactory json) {
        this.json = json;
    }

    /** A {@code config_json} that is not a JSON object; the command side never writes one. */
    static final class NotJsonException extends RuntimeException {
        NotJsonException(String message, Throwable cause) {
            super(message, cause);
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
                copyJsonObject(out, text.toString());
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

    /** Copies the JSON text token by token, which also proves it is one well-formed object. */
    private void copyJsonObject(JsonGenerator out, String text) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotJsonException("config_json is not a JSON object", null);
            }
            out.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new NotJsonException("config_json holds more than one JSON value", null);
            }
        } catch (JacksonException e) {
            throw new NotJsonException("config_json is not JSON: " + e.getOriginalMessage(), e);
        }
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
