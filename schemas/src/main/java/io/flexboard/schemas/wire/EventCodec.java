package io.flexboard.schemas.wire;

import io.flexboard.schemas.EventEnvelope;

/** The wire format of the events topic: {@link SingleObjectCodec} of {@link EventEnvelope}. */
public final class EventCodec {

    private static final SingleObjectCodec<EventEnvelope> INSTANCE =
            new SingleObjectCodec<>(EventEnvelope.class, EventEnvelope.getClassSchema(), SchemaHistory.envelopeSchemas());

    private EventCodec() {
    }

    /** The shared codec. */
    public static SingleObjectCodec<EventEnvelope> instance() {
        return INSTANCE;
    }
}
