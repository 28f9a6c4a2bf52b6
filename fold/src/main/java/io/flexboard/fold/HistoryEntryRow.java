package io.flexboard.fold;

import java.time.Instant;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;

/**
 * A row of {@code event_history}, the audit trail: one per applied event, with a one-line human
 * summary. The {@code envelope} column holds the event's {@code EventCodec} bytes, so it is read
 * again through Avro schema resolution whatever schema the reader has by then.
 */
public record HistoryEntryRow(
        UUID tenantId,
        long aggregateSequence,
        String eventId,
        Instant occurredAt,
        String eventType,
        String actor,
        String correlationId,
        UUID dashboardId,
        Integer version,
        String summary,
        EventEnvelope envelope) {
}
