package io.flexboard.projector.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/ops/quarantines}: every open quarantine (the event, why, since when, how many
 * events wait behind it) and the newest operator decisions (docs/projector.md).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record QuarantineView(List<Open> quarantined, List<Resolution> resolutions) {

    /** One quarantined tenant; the record's bytes stay in the database. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Open(UUID tenantId, String eventId, String eventType, Long aggregateSequence, String topic, int partition,
                long offset, String error, Instant firstSeen, Instant lastSeen, long heldEvents) {

        static Open of(Quarantine quarantine) {
            return new Open(quarantine.tenantId(), quarantine.eventId(), quarantine.eventType(),
                    quarantine.aggregateSequence(), quarantine.topic(), quarantine.partition(), quarantine.offset(),
                    quarantine.error(), quarantine.firstSeen(), quarantine.lastSeen(), quarantine.heldEvents());
        }
    }
}
