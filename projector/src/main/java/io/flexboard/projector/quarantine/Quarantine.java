package io.flexboard.projector.quarantine;

import java.time.Instant;
import java.util.UUID;

/** A tenant's open quarantine: the event it stopped at, why, since when, and how many later events wait behind it. */
record Quarantine(UUID tenantId, String eventId, String eventType, Long aggregateSequence, String topic,
                 int partition, long offset, String key, byte[] record, String error, Instant firstSeen,
                 Instant lastSeen, long heldEvents) {

    /** The quarantined record, decoded again with this projector's schemas. */
    PolledEvent polled() {
        return PolledEvent.stored(topic, partition, offset, key, tenantId, record);
    }
}
