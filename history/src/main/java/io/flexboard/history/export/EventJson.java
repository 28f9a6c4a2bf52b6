package io.flexboard.history.export;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.EventTypeNames;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON shape of an exported event: the envelope's fields, {@code type} (an {@link EventTypeNames} name) and
 * {@code payload}, the event's own fields as a JSON object (see {@link AvroJson}).
 */
final class EventJson {

    private static final SerializedString EVENT_ID = new SerializedString("event_id");
    private static final SerializedString TENANT_ID = new SerializedString("tenant_id");
    private static final SerializedString SEQUENCE = new SerializedString("sequence");
    private static final SerializedString OCCURRED_AT = new SerializedString("occurred_at");
    private static final SerializedString ACTOR = new SerializedString("actor");
    private static final SerializedString CORRELATION_ID = new SerializedString("correlation_id");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString PAYLOAD = new SerializedString("payload");

    /** No separator between root values: the writers end each record themselves. */
    static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator((String) null).build();

    private final AvroJson avroJson = new AvroJson();

    void writeEvent(JsonGenerator out, EventEnvelope event) {
        out.writeStartObject();
        out.writeName(EVENT_ID);
        out.writeString(event.getEventId());
        out.writeName(TENANT_ID);
        out.writeString(event.getTenantId());
        out.writeName(SEQUENCE);
        out.writeNumber(event.getAggregateSequence());
        out.writeName(OCCURRED_AT);
        out.writeString(event.getOccurredAt().toString());
        out.writeName(ACTOR);
        out.writeString(event.getActor());
        out.writeName(CORRELATION_ID);
        out.writeString(event.getCorrelationId());
        out.writeName(TYPE);
        out.writeString(EventTypeNames.of((IndexedRecord) event.getPayload()));
        out.writeName(PAYLOAD);
        writePayload(out, event);
        out.writeEndObject();
    }

    void writePayload(JsonGenerator out, EventEnvelope event) {
        avroJson.writeRecord(out, (IndexedRecord) event.getPayload());
    }
}
