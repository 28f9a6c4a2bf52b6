package io.flexboard.queryapi.history;

import java.time.Instant;
import java.util.UUID;

/** One entry of a tenant's audit trail: who did what, when, in one human line. */
record HistoryEntryView(
        long sequence,
        String eventId,
        String type,
        Instant occurredAt,
        String actor,
        String summary,
        UUID dashboardId,
        Integer version,
        String correlationId) {
}
