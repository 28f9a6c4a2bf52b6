package io.flexboard.fold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.SchemaHistory;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Writes an envelope as a producer that only knew EventEnvelope schema v1 did: single-object
 * encoding with the v1 fingerprint, the fields v1 has (DraftSaved's lineage is left out). An
 * event type v1 did not have (TenantPaused, TenantActivated) is refused.
 */
public final class EnvelopeV1 {

    private static final Schema V1 = SchemaHistory.envelopeSchemas().get(0);

    private EnvelopeV1() {
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), V1)
                    .encode((GenericRecord) copy(envelope, V1));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object copy(Object value, Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord source = (IndexedRecord) value;
                GenericRecord copy = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    Schema.Field sourceField = source.getSchema().getField(field.name());
                    copy.put(field.name(), copy(source.get(sourceField.pos()), field.schema()));
                }
                return copy;
            }
            case UNION -> {
                if (value == null) {
                    return null;
                }
                return copy(value, branchOf(value, schema));
            }
            case ARRAY -> {
                List<Object> copy = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    copy.add(copy(element, schema.getElementType()));
                }
                return copy;
            }
            default -> {
                // timestamp-millis: the specific classes hold an Instant, the generic writer a long.
                return value instanceof Instant instant ? instant.toEpochMilli() : value;
            }
        }
    }

    private static Schema branchOf(Object value, Schema union) {
        for (Schema branch : union.getTypes()) {
            if (value instanceof IndexedRecord record ? branch.getType() == Schema.Type.RECORD
                    && branch.getFullName().equals(record.getSchema().getFullName())
                    : branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        throw new IllegalArgumentException("EventEnvelope v1 has no " + ((IndexedRecord) value).getSchema().getFullName());
    }
}
