package io.flexboard.queryapi.ops.stuck;

import java.time.Instant;

/**
 * An event the relay parked: {@code refused} by the broker for good (with its error), or
 * {@code held} behind such an event of its tenant, so that the tenant's order is kept.
 */
public record ParkedEvent(String tenantId, String eventId, String eventType, long aggregateSequence, String status,
        String error, Instant since) {
}
