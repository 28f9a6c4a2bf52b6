package io.flexboard.schemas.wire;

import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for the events topic, in the {@link EventCodec} wire format. */
public final class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope envelope) {
        return envelope == null ? null : EventCodec.instance().encode(envelope);
    }
}
