package io.flexboard.schemas.wire;

import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for the events topic, in the {@link EventCodec} wire format. */
public final class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : EventCodec.instance().decode(bytes);
    }
}
