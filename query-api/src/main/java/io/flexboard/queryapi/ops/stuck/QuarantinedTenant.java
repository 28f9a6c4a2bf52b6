package io.flexboard.queryapi.ops.stuck;

import java.time.Instant;

/**
 * A tenant the projector quarantined: the event it stopped at (id, type and sequence are null when
 * the record did not decode), why, since when, and how many of its events wait behind it.
 */
public record QuarantinedTenant(String tenantId, String eventId, String eventType, Long aggregateSequence, String error,
        Instant since, long heldEvents) {
}
