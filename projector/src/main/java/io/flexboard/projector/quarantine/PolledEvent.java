package io.flexboard.projector.quarantine;

import java.util.UUID;

import io.flexboard.fold.EventType;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of the events topic as the quarantine keeps it: where it came from, its tenant, its
 * value bytes, and the event when they decode ({@code null} with the decoder's reason when not).
 */
public record PolledEvent(String topic, int partition, long offset, String key, UUID tenantId,
                          EventEnvelope event, byte[] record, String undecodable) {

    /**
     * The tenant of a record whose key and value name none: such a record cannot be attributed, so
     * it is quarantined (and its like held) under this nil id instead of stopping every tenant.
     */
    public static final UUID UNATTRIBUTED = new UUID(0, 0);

    /** A decoded record; its bytes are the event re-encoded with the current schema. */
    public static PolledEvent decoded(ConsumerRecord<String, ?> source, EventEnvelope event) {
        return new PolledEvent(source.topic(), source.partition(), source.offset(), source.key(),
                tenantOf(event.getTenantId(), source.key()), event, EventCodec.instance().encode(event), null);
    }

    /** A record whose value could not be decoded, with its raw bytes (empty when there were none). */
    public static PolledEvent undecodable(ConsumerRecord<String, ?> source, byte[] value, String reason) {
        return new PolledEvent(source.topic(), source.partition(), source.offset(), source.key(),
                tenantOf(null, source.key()), null, value == null ? new byte[0] : value, reason);
    }

    /** A stored record decoded again, e.g. by a retry after a projector that reads it was deployed. */
    static PolledEvent stored(String topic, int partition, long offset, String key, UUID tenantId, byte[] record) {
        try {
            return new PolledEvent(topic, partition, offset, key, tenantId, EventCodec.instance().decode(record), record, null);
        } catch (RuntimeException e) {
            return new PolledEvent(topic, partition, offset, key, tenantId, null, record, String.valueOf(e.getMessage()));
        }
    }

    public boolean decoded() {
        return event != null;
    }

    String eventId() {
        return decoded() ? event.getEventId() : null;
    }

    Long sequence() {
        return decoded() ? event.getAggregateSequence() : null;
    }

    String eventType() {
        if (!decoded()) {
            return null;
        }
        try {
            return EventType.of(event.getPayload()).wireName();
        } catch (RuntimeException unknown) {
            return event.getPayload().getClass().getSimpleName();
        }
    }

    String where() {
        return topic + "-" + partition + "@" + offset;
    }

    private static UUID tenantOf(String tenantId, String key) {
        for (String candidate : new String[] {tenantId, key}) {
            if (candidate != null) {
                try {
                    return UUID.fromString(candidate);
                } catch (IllegalArgumentException notAUuid) {
                    // try the next one
                }
            }
        }
        return UNATTRIBUTED;
    }
}
